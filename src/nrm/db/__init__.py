"""Database plumbing shared by every writer: fast bulk inserts (COPY on PostgreSQL, prepared
INSERTs elsewhere), primary key reservation and pipelining. No models and no rules: the layers
above decide what to write; this only writes it quickly."""
