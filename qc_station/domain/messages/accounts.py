"""Refusals about people: signing in, accounts, roles and rights (SPEC §6)."""

from __future__ import annotations

TEMPLATES: dict[str, str] = {
    "account.wrong_credentials": "Wrong user name or password.",
    "account.wrong_pin": "Unknown badge or wrong PIN.",
    "account.locked_until": (
        "Account {username} is locked after {attempts} failed attempts, until {until}; try "
        "again then or ask an admin."
    ),
    "account.locked_now": (
        "{wrong} Account {username} is now locked after {attempts} failed attempts, until "
        "{until}; try again then or ask an admin."
    ),
    "account.deactivated": "Account {username} is deactivated; ask an admin.",
    "account.revoked_deactivated": "Your account was deactivated: ask an admin.",
    "account.revoked_locked": "Your account is locked until {until}: ask an admin.",
    "account.revoked_unknown": "Your account no longer exists: ask an admin.",
    "account.revoked_password_reset": "Your password was reset: sign out and choose a new one.",
    "account.role_changed": "Your role was changed to {role}: sign out and sign in again.",
    "approval.reopener_may_not_approve": (
        "You reopened unit {lpn}: another supervisor must approve its new decision."
    ),
    # Rights (the permission table, services/permissions.py).
    "permission.role_may_not": ("{user} ({role}) may not {what}; allowed roles: {needed_role}."),
    "permission.system_user": (
        "The local operator acts only on a database without users: sign in as a user."
    ),
    # What an action is called inside "… may not {what}".
    "action.inspect": "inspect units",
    "action.decide": "decide inspections",
    "action.approve": "approve decisions",
    "action.reject": "send decisions back",
    "action.reopen": "reopen decided units",
    "action.release_claim": "release another station's claim",
    "action.follow_up": "follow up deadlines, disputes and stale claims",
    "action.manage_disputes": "manage disputes",
    "action.export_finance": "export finance",
    "action.manage_users": "manage users",
    "action.manage_policy": "manage the return policy",
    "action.manage_database": "back up or restore the database",
    "action.import": "import manifests or the catalog",
    "action.create_unexpected": "create unexpected returns",
    "action.print_documents": "print documents",
    "action.view_dashboard": "view the dashboard",
    "action.manage_recovery": "manage vendor returns and carrier claims",
    "action.other": "do this",
    # User accounts (services/users.py, services/user_fields.py).
    "user.name_invalid": (
        "User name {value} is not valid: use 2 to 32 lower-case letters, digits, dots, dashes "
        "or underscores."
    ),
    "user.name_reserved": "User name {value} is reserved for the local operator; choose another.",
    "user.password_missing": "Enter a password: a password is required.",
    "user.password_short": "The password is too short: use at least {min_length} characters.",
    "user.password_long": "The password is too long: use at most {max_length} characters.",
    "user.password_is_name": "The password must not be the user name; choose another.",
    "user.password_unchanged": "The new password must differ from the current one.",
    "user.pin_invalid": "A PIN is 4 to 8 digits.",
    "user.badge_invalid": (
        "Badge {value} is not valid: use 1 to 64 printable characters without spaces."
    ),
    "user.badge_without_pin": "A badge and its PIN go together: give both.",
    "user.badge_taken": "Badge {badge} belongs to another user; scan another badge.",
    "user.role_unknown": "Unknown role {value}: use one of {known_role}.",
    "user.full_name_long": "The full name is limited to {limit} characters.",
    "user.add_needs_admin": (
        "Adding a user needs an admin to sign in (only the first user needs none)."
    ),
    "user.first_must_be_admin": (
        "The first user must be an admin, so that someone can manage the others."
    ),
    "user.exists": "User {username} exists already; choose another user name.",
    "user.unknown": "Unknown user {username}.",
    "user.last_admin_deactivate": (
        "{username} is the last active admin and cannot be deactivated: make another user "
        "admin first."
    ),
    "user.last_admin_demote": (
        "{username} is the last active admin and cannot be demoted: make another user admin first."
    ),
}
