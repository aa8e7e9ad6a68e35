"""The intelligence hub: graded reports, entities and links, person resolution, organised crime
groups."""
