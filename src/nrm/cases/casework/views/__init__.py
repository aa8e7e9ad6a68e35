"""Web pages of the competent authority: the work queue, the case page with its decision forms,
and the manager's dashboard. Thin doors: check the capability (decorator) and the scope (the
selectors), shape the input with a form, call one service, show its message."""
