"""Refusals about the station's devices and services: camera, printers, the unboxing video,
the database, the outage journal and the configuration (SPEC §7.5, §9, §10); and the
refusals of the station's own records as the domain and the database guard them (unit
states, recovery cases, disputes, the audit log)."""

from __future__ import annotations

TEMPLATES: dict[str, str] = {
    "camera.unavailable": (
        "No camera: is the webcam plugged in and not in use by another program?"
    ),
    "camera.lost": ("The camera stopped giving a picture; check its cable, then turn it on again."),
    "camera.not_a_camera": (
        "'{value}' is not a camera: give a camera number (0 is the first webcam), a device "
        "path such as /dev/video0, an rtsp:// or http(s):// address, or an existing video file."
    ),
    "camera.number_out_of_range": "Camera number {value} is out of range (0–{limit}).",
    "camera.scheme_unsupported": (
        "'{value}': {scheme}:// cameras are not supported; give a camera number (0 is the first "
        "webcam), a device path such as /dev/video0, an rtsp:// or http(s):// address, or an "
        "existing video file."
    ),
    "camera.no_host": (
        "'{value}' names no host; give a camera number (0 is the first webcam), a device path "
        "such as /dev/video0, an rtsp:// or http(s):// address, or an existing video file."
    ),
    "camera.not_found": (
        "'{value}' is neither a device nor a file; give a camera number (0 is the first "
        "webcam), a device path such as /dev/video0, an rtsp:// or http(s):// address, or an "
        "existing video file."
    ),
    "camera.file_missing": "The video file {source} does not exist.",
    "camera.cannot_open_number": (
        "Cannot open camera {source}: is it plugged in and not in use by another program?"
    ),
    "camera.cannot_open_device": (
        "Cannot open camera device {source}: is it plugged in and not in use by another program?"
    ),
    "camera.cannot_open_stream": (
        "Cannot open camera stream {source}: is the camera on the network, and its address "
        "and password right?"
    ),
    "camera.cannot_open_file": (
        "Cannot open video file {source}: is it a video file OpenCV can read?"
    ),
    # The domain's state rules (qc_station.domain.model, states, recovery, dispute, audit).
    "unit.cannot_be_claimed": "Unit {lpn} is {current}; it cannot be claimed for inspection.",
    "unit.cannot_move": "Unit {lpn} is {current}; it cannot move to {target_state}.",
    "unit.changed": "Unit {lpn} was changed by someone else; scan it again.",
    "rma.unit_without_line": "Unit {lpn} has no line {line} in its RMA.",
    "rma.exists": "RMA {code} exists already.",
    "rma.lpn_exists": "LPN {lpn} exists already.",
    "rma.collision": "The RMAs collide with stored ones or break a constraint.",
    "rma.not_found": "RMA {code} not found.",
    "rma.being_inspected": "RMA {code} is already being inspected; its lines cannot change.",
    "recovery.case_not_open_for_units": (
        "{case} is no longer open: units can only join an open case."
    ),
    "recovery.pull_needs_reason": "Pulling a unit out of a batch needs a reason.",
    "recovery.unit_not_in_case": "Unit {lpn} is not in {case}.",
    "recovery.payment_too_much": (
        "A payment of {value} {currency} is more than the {limit} {currency} still claimed "
        "on {case}."
    ),
    "recovery.payment_not_positive": "A payment must be more than 0 {currency}.",
    "recovery.case_changed": "{case} was changed by someone else; look at it again.",
    "recovery.open_batch_exists": (
        "Supplier {party} has an open vendor-return batch already, or one of its units is in "
        "another case; look again."
    ),
    "recovery.open_claim_exists": (
        "Carrier {party} has an open claim already, or one of its units is in another case; "
        "look again."
    ),
    "recovery.number_taken": "Case number {number} was just taken; try again.",
    "recovery.unit_in_other_case": "A unit of {case} is in another case already; look again.",
    "dispute.wrong_state": (
        "The dispute about unit {lpn} cannot take this step in its present state; refresh and "
        "look again."
    ),
    "dispute.not_an_outcome": "A dispute is closed as won, lost or settled, not {value}.",
    "dispute.amount_only_for_settlement": (
        "Only a settlement has an amount; leave the amount empty for this outcome."
    ),
    "dispute.settlement_needs_amount": "A settlement needs the amount agreed, in {currency}.",
    "dispute.settlement_not_positive": "A settlement amount must be more than 0 {currency}.",
    "dispute.settlement_too_much": (
        "A settlement of {value} {currency} is more than the disputed {limit} {currency}."
    ),
    "audit.bad_checkpoint": (
        "Checkpoint '{value}' is not SEQ:HASH (a sequence number, a colon and the hash in hex)."
    ),
    # The database's records (qc_station.adapters.sql).
    "record.export_batch_exists": "Export batch {batch_id} exists already.",
    "record.user_or_badge_taken": "User {username} exists already, or the badge is taken.",
    "record.badge_taken": "The badge of user {username} belongs to another user.",
    "record.inspection_exists": (
        "Inspection {inspection_id} exists already, or unit {lpn} is unknown."
    ),
    "record.video_attached": (
        "Video {sha256} is already on inspection {inspection_id}, or the inspection is unknown."
    ),
    "record.policy_not_stored": "Policy {policy_hash} is not stored.",
    "record.dispute_exists": (
        "Decision {decision_id} has a dispute already, or its unit is unknown."
    ),
    "record.decision_exists": (
        "Decision {decision_id} exists already, or its unit or inspection is unknown."
    ),
    "record.decision_not_found": "Decision {decision_id} not found.",
    "record.audit_moved_on": "The audit log moved on while writing; try again.",
    # Printing (bootstrap, qc_station.adapters.printers).
    "printer.no_print_system": (
        "No print system: the CUPS client tools (lp, lpstat) are missing; install cups-client."
    ),
    "printer.missing": (
        "The printer '{printer}' does not exist on this system (CUPS); an admin chooses an "
        "installed one under Administration → Printers, then retry."
    ),
    "printer.job_refused": "The printer '{printer}' did not accept the job: {detail}",
    "printer.cups_down": "The print system (CUPS) is not running; start it or ask IT, then retry.",
    "printer.cups_down_at": (
        "The print system (CUPS at {server}) is not running; start it or ask IT, then retry."
    ),
    "printer.tool_missing": (
        "{program} is not installed: install the CUPS client (cups-client) to print."
    ),
    "printer.timeout": "The print system did not answer within {seconds} s; retry.",
    "printer.not_installed": (
        "The printer '{printer}' is not installed on this computer; an admin chooses an "
        "installed one under Administration → Printers, then retry."
    ),
    "printer.no_pages": "The document has no pages: nothing was sent to '{printer}'.",
    "printer.cannot_open": "The printer '{printer}' could not be opened; check it, then retry.",
    "printer.reported_error": "The printer '{printer}' reported an error; check it, then retry.",
    "printer.bad_job_id": "'{job}' is not a print job id.",
    "printer.job_gone": "Print job {job} is no longer waiting.",
    # Backup and restore (qc_station.adapters.backup). The backup.cause_* messages are the
    # {cause} of another one.
    "backup.cause_disk_full": "not enough disk space in {folder}",
    "backup.cause_not_writable": "{folder} is not writable",
    "backup.cause_other": "{detail} ({folder})",
    "backup.in_memory": "An in-memory database has no file to back up or restore.",
    "backup.target_is_live": "{path} is the live database; choose another file for the backup.",
    "backup.no_folder": "Cannot write the backup: the folder {folder} does not exist.",
    "backup.not_written": "The backup was not written: {cause}; nothing was left at {path}.",
    "backup.copy_damaged": (
        "The backup copy failed its integrity check ({problems}); the live database may be "
        "damaged: keep the station running and call support."
    ),
    "backup.postgres_backup": (
        "A PostgreSQL database is backed up with the server's tools, not by the station: run "
        "{backup_command} (and {restore_command} to restore, with every station closed)."
    ),
    "backup.postgres_restore": (
        "A PostgreSQL database is restored with the server's tools, not by the station: with "
        "every station closed, run {restore_command} (a backup made with {backup_command})."
    ),
    "restore.no_file": "There is no backup file {path}.",
    "restore.source_is_live": "{path} is the live database itself, not a backup.",
    "restore.not_done": "The restore did not happen: {cause}; the database is as it was.",
    "restore.cannot_open": "{name} cannot be opened: {detail}",
    "restore.damaged": "{name} is damaged ({problems}); choose another backup.",
    "restore.not_sqlite": (
        "{name} is not a QC Station backup: it is not a SQLite database ({detail})."
    ),
    "restore.not_ours": "{name} is not a QC Station database (no {missing} tables).",
    "restore.no_schema_version": (
        "{name} has no schema version; it is not a complete QC Station database."
    ),
    "restore.newer_schema": (
        "{name} was made by a newer version of QC Station (schema {revision}); update this "
        "station first."
    ),
    "restore.result_damaged": (
        "The restored database failed its integrity check ({problems}); call support."
    ),
    # Photos (qc_station.adapters.images, photo_store).
    "photo.empty": "{name} is empty.",
    "photo.file_too_large": "{name} is larger than {megabytes} MB.",
    "photo.too_many_pixels": (
        "{name} is {width}×{height} pixels; at most {megapixels} megapixels."
    ),
    "photo.unreadable": "{name} is not a readable image (JPEG, PNG or WebP).",
    "photo.too_small": "{name} is only {width}×{height} pixels.",
    "photo.not_encodable": "{name} could not be encoded as JPEG.",
    "photo.cannot_read": "Cannot read photo {path}: {detail}",
    "photo.bad_name": "'{value}' is not a photo name (64 lower-case hex digits).",
    "photo.not_found": "Photo {sha256} not found.",
    "photo.store_missing": (
        "The photo folder {path} is missing: is the shared folder mounted? Ask IT."
    ),
    "photo.store_unreadable": "The photo folder {path} cannot be read ({detail}).",
    "photo.store_not_writable": "The photo folder {path} is not writable ({detail}).",
    # The outage journal (qc_station.adapters.journal).
    "journal.bad_entry_id": "'{value}' is not a journal entry id.",
    "journal.cannot_keep": (
        "Cannot keep the inspection in the local journal {path}: {detail}. Do not close the "
        "station: call IT."
    ),
    "journal.cannot_update": "Cannot update the local journal {path}: {detail}",
    "journal.cannot_set_aside": (
        "Cannot set the refused journal entry {inspection_id} aside: {detail}"
    ),
    # The database (qc_station.adapters.database).
    "database.bad_url": (
        "Database URL '{value}' is not a valid URL (expected sqlite:///PATH or "
        "postgresql+psycopg://USER@HOST/DB)."
    ),
    "database.unsupported": (
        "Unsupported database '{value}': use sqlite:///PATH or postgresql+psycopg://USER@HOST/DB."
    ),
    "database.cannot_make_folder": "Cannot create the database folder {path}: {detail}",
    "database.file_read_only": (
        "The database file {path} is read-only; the station needs to write to it (check its "
        "permissions, or whether the disk is mounted read-only)."
    ),
    "database.folder_read_only": (
        "The database folder {path} is read-only; the station needs to write its database and "
        "journal files there (check its permissions, or whether the disk is mounted "
        "read-only)."
    ),
    # Files the station writes (qc_station.adapters.files).
    "path.symbolic_link": (
        "{path} is a symbolic link; the station does not write through links (remove it, or "
        "name another file)."
    ),
    "path.outside_folder": "Refusing to write '{name}': it would land outside {folder}.",
    # Reading barcodes (qc_station.adapters.barcodes): a programming error, not a person's.
    "barcode.bad_image": "An image to decode must be a non-empty 8-bit array, not {kind} {shape}.",
    "barcode.bad_channels": "An image to decode must have 1, 3 or 4 channels, not {channels}.",
    # The unboxing video (qc_station.adapters.video, video_frames).
    "video.folder_not_writable": "The video folder {path} is not writable ({detail}).",
    "video.folder_missing": "The video folder {path} is missing: is the shared folder mounted?",
    "video.disk_full": "The disk holding {path} is full: the unboxing video was not kept.",
    "video.not_written": "The unboxing video could not be written in {path} ({detail}).",
    "video.failed": "The unboxing video failed: {detail}",
    "video.no_frames": "The camera gave no frames: there is no video.",
    "video.no_encoder": "This computer's OpenCV cannot write {fourcc} video.",
    "video.unreadable": "{name} is not a video OpenCV can read.",
    "video.no_frame": "{name} has no frame that decodes.",
    "video.cannot_read": "Cannot read video {value}: {detail}",
    "video.not_a_file": "Video {value} is not a file.",
    "video.too_large": "Video {name} is {megabytes} MB; at most {limit} MB is accepted.",
    "video.unusable": "{value} cannot be used as the unboxing video: {cause}",
    "video.bad_name": "'{value}' is not a clip name (64 lower-case hex digits).",
    "video.not_found": "Video {sha256} not found.",
    "video.stored_unreadable": "Video {sha256} cannot be read ({detail}).",
    # The configuration (qc_station.config); {detail} says what is wrong with the value.
    "config.not_toml": "The config file {path} is not valid TOML: {detail}",
    "config.no_file": "The config file {path} does not exist.",
    "config.unknown_setting_in_file": "Config file {path}: unknown setting '{key}'.",
    "config.unknown_setting": "Unknown setting '{key}'.",
    "config.not_a_single_value": "Setting '{key}': only single values can be saved.",
    "config.bad_value_in_file": "Config file {path}: setting '{key}': {detail}",
    "config.bad_value_in_environment": "Environment ({variable}): setting '{key}': {detail}",
    "config.bad_value_on_command_line": "Command line: setting '{key}': {detail}",
    "config.unreadable": "Cannot read the config file {path}: {detail}",
    "config.would_not_be_toml": "The config file {path} would not be valid TOML: {detail}",
    "config.defined_twice": "Config file {path}: a setting is defined twice; fix it by hand.",
    # The command line and the demo (qc_station.cli, qc_station.demo).
    "cli.password_reset": (
        "The password of {user} was reset: choose a new one first with `qc-station users "
        "passwd` (the current password from QC_STATION_PASSWORD, the new one from "
        "QC_STATION_NEW_PASSWORD or a prompt)."
    ),
    "cli.no_secret": "{variable} is not set and there is no terminal to ask in: set {variable}.",
    "cli.passwords_differ": "The two passwords differ; nothing was changed.",
    "cli.needs_user": "This command needs a user: --user NAME or QC_STATION_USER.",
    "cli.cannot_read": "Cannot read {path}: {detail}",
    "cli.cannot_write": "Cannot write {path}: {detail}",
    "cli.bad_dpi": "--dpi {value} is not a printer resolution between {low} and {high}.",
    "cli.no_folder": "Cannot write {path}: the folder {folder} does not exist.",
    "cli.target_is_folder": "Cannot write {path}: it is a folder.",
    "cli.not_a_folder": "Cannot write into {path}: it is not an existing folder.",
    "cli.restore_needs_yes": (
        "Restore replaces the whole database; add --yes to confirm when not in a terminal."
    ),
    "cli.no_video_store": "This station has no video store.",
    "cli.override_needs_reason": "--override needs --reason TEXT.",
    "cli.reopen_needs_reason": "--reason must say why the unit is reopened.",
    "cli.denied_takes_no_amount": "--denied takes no AMOUNT.",
    "cli.amount_or_denied": "Give the AMOUNT received, or --denied.",
    "cli.unknown_command": "Unknown command '{command}'.",
    "cli.limit_too_small": "--limit must be at least {low}.",
    "demo.database_not_empty": (
        "The demo loads only into an empty database; this one has {users} user(s) and {rmas} "
        "RMA(s). Give the demo a database of its own (--db URL)."
    ),
}
