"""What AppTest runs in `make bench`: the app under test, inside bench/scripttimer.py's timer."""

from bench import scripttimer

scripttimer.run_app()
