"""Web pages of first responders: their referrals, the referral journey with drafts, the
anonymous notification, a referral's page and reconsideration requests."""
