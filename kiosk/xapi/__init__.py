"""xAPI 1.0.3 roll-up to the province.

`statements` makes statements from finished progress (written to the progress database's
outbox in the same transaction), `outbox` queries that table, `transport` talks HTTP to
the LRS, `forwarder` sends the outbox in a background thread, `status` says where things
stand for staff and IT, and `export` writes the statements as JSON lines for a USB stick.
Command line: `hocvuso export --xapi FILE`, `hocvuso xapi status`, `hocvuso xapi send`.
"""
