"""The UKHTC strategic assessment: potential victims known to the NRM or to intelligence, each
resolved person counted once, and the published figures computed from them by declared specs
on the statistics engine.

``extract`` gathers the encounters (a referral, or a potential victim an intelligence report
names), resolves them into people and builds the pseudonymised assessment extract; ``rules``
holds the one rule for what a person counts as in a year; ``specs`` declares the tables;
``checks`` compares them with the published figures; ``write`` writes them out.
"""
