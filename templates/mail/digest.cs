<?cs escape:"none" ?><?cs var:L.Mail.Digest.Subject ?> <?cs var:Digest.day ?>
<?cs if:L.Mail.HelloPre ?><?cs var:L.Mail.HelloPre ?> <?cs /if ?><?cs var:Digest.name ?><?cs var:L.Mail.HelloPost ?>

<?cs var:L.Mail.Digest.Intro ?>
<?cs if:Digest.Actions.overdue > 0 ?>
<?cs var:L.Mail.Digest.Actions ?> (<?cs var:Digest.Actions.overdue ?>)
<?cs each:a = Digest.Actions.Overdue ?>- <?cs var:a.customer ?>: <?cs var:a.next_action ?> (<?cs var:L.Mail.Digest.Due ?> <?cs var:a.next_due ?>)
<?cs /each ?><?cs /if ?><?cs if:Digest.birthdays_soon > 0 ?>
<?cs var:L.Mail.Digest.Birthdays ?> (<?cs var:Digest.birthdays_soon ?>)
<?cs each:b = Digest.Birthdays ?><?cs if:b.show == 1 ?>- <?cs var:b.md ?> <?cs var:b.name ?><?cs if:b.title ?> <?cs var:b.title ?><?cs /if ?>, <?cs var:b.customer ?> (<?cs if:b.days == 0 ?><?cs var:L.Mail.Digest.Today ?><?cs else ?><?cs var:b.days ?> <?cs var:L.Mail.Digest.Days ?><?cs /if ?>)
<?cs /if ?><?cs /each ?><?cs /if ?><?cs if:Digest.complaints > 0 ?>
<?cs var:L.Mail.Digest.Complaints ?> (<?cs var:Digest.complaints ?>)
<?cs each:c = Complaints ?>- <?cs var:c.tracking_no ?> <?cs var:L.Public.Kind[c.kind] ?>, <?cs var:L.StepName[c.step] ?>, <?cs var:string.slice(c.received_at, 0, 16) ?>
<?cs /each ?><?cs /if ?>
<?cs var:L.Mail.Digest.Open ?> <?cs var:Digest.url ?>
<?cs /escape ?>
