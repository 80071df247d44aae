"""People and how they get in: the user model, organisations, roles, phone
numbers, login with lockout, passwords and the user admin."""
