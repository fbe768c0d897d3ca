try:
    from peerjournal.launcher import main
except KeyboardInterrupt:  # (a Ctrl-C before the launcher could take it: as it would say)
    import sys

    sys.stderr.write("Interrupted.\n")
    raise SystemExit(130) from None

main()
