"""Taking the test database back to a migration and forward again, for migration tests."""

from django.db import connection
from django.db.migrations.executor import MigrationExecutor


def migrate(targets):
    """Migrates to ``targets`` and returns the app registry as it is there."""
    executor = MigrationExecutor(connection)
    executor.loader.build_graph()
    executor.migrate(targets)
    return executor.loader.project_state(targets).apps


def latest():
    """The newest migration of every app, to come back to after a test."""
    executor = MigrationExecutor(connection)
    return executor.loader.graph.leaf_nodes()
