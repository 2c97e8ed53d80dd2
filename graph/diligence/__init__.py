"""Due diligence read on the GraphStore protocol: ownership trees, dossiers (and their
Markdown and HTML pages) and screening of counterparties."""
