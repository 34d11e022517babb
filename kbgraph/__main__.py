from kbgraph.cli import main

raise SystemExit(main())
