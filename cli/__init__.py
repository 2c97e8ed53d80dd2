"""The ``sinograph`` command line."""
