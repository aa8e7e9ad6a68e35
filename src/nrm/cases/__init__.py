"""The case domain: a referral and its case, from intake to the conclusive grounds decision."""
