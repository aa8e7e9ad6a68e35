"""The published figures and their verification.

``reference/`` holds the figures of the *Second report of the Inter-Departmental Ministerial Group
on Human Trafficking* (2013) and of the 2012 Home Office press release, transcribed (its README
says how, and lists the publication's known inconsistencies). ``figures`` reads those files and
maps their labels to codes; ``table9`` says how each published Table 9 row is recorded; ``known``
holds the inconsistencies, with their explanations.

``verify.verify`` evaluates the table specs on an extract and compares every published figure
with the computed one: ``verifier`` collects the checks, ``chapter1``, ``table9_check``,
``chapter3`` and ``paragraphs`` make them; ``chapter5`` checks the support tables on the case
store (``chapter5.checker``, which ``nrm verify-published`` passes to ``verify``). Modules
import one way only (an import-linter contract in pyproject.toml): ``verify`` < the checks <
``verifier`` < ``known``, ``figures``, ``table9``.
"""
