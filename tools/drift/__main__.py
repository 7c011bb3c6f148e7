from tools.drift.cli import main

raise SystemExit(main())
