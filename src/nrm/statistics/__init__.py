"""Official statistics: pseudonymised extracts, declared table specs, one Ibis engine,
disclosure control, renderers and verification against the published tables."""
