"""gunicorn's settings for ``make serve`` and production: sized for a hall on two cores.

The measurements behind the choice are in docs/deployment.md ("Sizing
gunicorn"); ``GUNICORN_CMD_ARGS`` or the command line override any of them
for a try, ``WEB_CONCURRENCY`` the number of processes.
"""

import os

# Plain processes, one request each. Threads measured far worse here: a request
# is mostly Python work between short PostgreSQL round trips, and threads of
# one process then queue for the interpreter lock after every query.
worker_class = "sync"
# One more process than cores, so a core never idles while a request waits for
# PostgreSQL; more only adds memory (about 180 MB each) and switching.
workers = int(os.environ.get("WEB_CONCURRENCY", "3"))
# A worker busy longer than this is stuck: gunicorn replaces it.
timeout = 60
graceful_timeout = 20
accesslog = "-"
# No runtime control socket: every gunicorn on a machine would share its one
# default path in the home directory, and nothing here uses it.
control_socket_disable = True
