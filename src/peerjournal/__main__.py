from peerjournal.cli import main

main()
