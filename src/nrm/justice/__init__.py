"""Criminal justice: prosecutions, their offences and outcomes, sentences, and asset recovery,
linked to the victims' NRM cases where known (docs/justice.md)."""
