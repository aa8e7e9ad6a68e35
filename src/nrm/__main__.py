from nrm.cli import main

raise SystemExit(main())
