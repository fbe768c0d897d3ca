from peerjournal.launcher import main

main()
