package sinograph.testserver;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import org.neo4j.configuration.GraphDatabaseSettings;
import org.neo4j.configuration.connectors.BoltConnector;
import org.neo4j.configuration.connectors.ConnectorPortRegister;
import org.neo4j.configuration.connectors.ConnectorType;
import org.neo4j.configuration.helpers.SocketAddress;
import org.neo4j.dbms.api.DatabaseManagementService;
import org.neo4j.dbms.api.DatabaseManagementServiceBuilder;
import org.neo4j.internal.helpers.HostnamePort;
import org.neo4j.kernel.internal.GraphDatabaseAPI;

/**
 * A Neo4j Community DBMS (the official org.neo4j:neo4j artifact) serving Bolt on 127.0.0.1.
 *
 * <p>Usage: {@code Neo4jTestServer HOME READY_FILE PASSWORD [PORT]} (PASSWORD: 8+ characters). The DBMS keeps its files
 * in HOME (a database imported there by neo4j-admin is served as it is). Bolt listens on
 * 127.0.0.1 only, on PORT or, by default, a free port the kernel picks, so several test runs
 * on one machine never collide. Once the server accepts connections the user {@code neo4j}
 * has PASSWORD and READY_FILE holds the Bolt port. The server stops on SIGTERM/SIGINT or when
 * its standard input closes, so it never outlives the process that started it.
 */
public final class Neo4jTestServer {
    private Neo4jTestServer() {}

    public static void main(String[] args) throws Exception {
        if (args.length < 3 || args.length > 4) {
            System.err.println("usage: Neo4jTestServer HOME READY_FILE PASSWORD [PORT]");
            System.exit(2);
        }
        Path home = Path.of(args[0]).toAbsolutePath();
        Path ready = Path.of(args[1]).toAbsolutePath();
        String password = args[2];
        int port = args.length == 4 ? Integer.parseInt(args[3]) : 0;

        DatabaseManagementService dbms = new DatabaseManagementServiceBuilder(home)
                .setConfig(BoltConnector.enabled, true)
                .setConfig(BoltConnector.listen_address, new SocketAddress("127.0.0.1", port))
                .setConfig(BoltConnector.advertised_address, new SocketAddress("127.0.0.1", port))
                .setConfig(GraphDatabaseSettings.auth_enabled, true)
                .setConfig(GraphDatabaseSettings.pagecache_memory, pageCacheBytes())
                // A scratch server: no pre-allocated log files, logs pruned quickly.
                .setConfig(GraphDatabaseSettings.preallocate_logical_logs, false)
                .setConfig(GraphDatabaseSettings.keep_logical_logs, "keep_none")
                .setConfig(GraphDatabaseSettings.transaction_timeout, Duration.ofMinutes(10))
                .build();
        CountDownLatch stop = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            dbms.shutdown();
            stop.countDown();
        }, "neo4j-test-server-shutdown"));
        try {
            serve(dbms, ready, password);
        } catch (RuntimeException | IOException e) {
            // The DBMS threads would keep the JVM alive: exit, so the caller sees the failure.
            e.printStackTrace();
            System.exit(1);
        }
        stop.await();
    }

    private static void serve(DatabaseManagementService dbms, Path ready, String password)
            throws IOException {
        GraphDatabaseAPI system = (GraphDatabaseAPI) dbms.database(GraphDatabaseSettings.SYSTEM_DATABASE_NAME);
        system.executeTransactionally(
                "ALTER USER neo4j SET PASSWORD $password CHANGE NOT REQUIRED",
                Map.of("password", password));
        HostnamePort bolt = system.getDependencyResolver()
                .resolveDependency(ConnectorPortRegister.class)
                .getLocalAddress(ConnectorType.BOLT);

        // Write-then-rename: a reader never sees half a port number.
        Path tmp = ready.resolveSibling(ready.getFileName() + ".tmp");
        Files.writeString(tmp, Integer.toString(bolt.getPort()), StandardCharsets.UTF_8);
        Files.move(tmp, ready, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        System.out.println("neo4j-test-server: Neo4j " + neo4jVersion() + " on bolt://127.0.0.1:" + bolt.getPort());
        System.out.flush();

        Thread watcher = new Thread(() -> {
            try {
                while (System.in.read() != -1) {
                    // ignore input; end of input means the parent is gone
                }
            } catch (IOException ignored) {
                // the parent is gone
            }
            System.exit(0); // runs the shutdown hook
        }, "neo4j-test-server-stdin");
        watcher.setDaemon(true);
        watcher.start();
    }

    private static long pageCacheBytes() {
        String mb = System.getenv().getOrDefault("SINOGRAPH_TEST_NEO4J_PAGECACHE_MB", "512");
        return Long.parseLong(mb) * 1024L * 1024L;
    }

    private static String neo4jVersion() {
        Package pkg = DatabaseManagementService.class.getPackage();
        String version = pkg == null ? null : pkg.getImplementationVersion();
        return version == null ? "5.26" : version;
    }
}
