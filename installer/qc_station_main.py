"""The frozen build's entry point: the same ``qc-station`` launcher as the installed
package's console script (commands, ``--smoke-test``, or the station window)."""

from ui.launcher import main

if __name__ == "__main__":
    raise SystemExit(main())
