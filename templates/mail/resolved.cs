<?cs include:"mail/head.cs" ?><?cs escape:"none" ?><?cs var:L.Public.Kind[Mail.kind] ?> <?cs var:Mail.tracking_no ?> <?cs var:L.Mail.Resolved.Subject ?>
<?cs call:mail_hello() ?>

<?cs var:L.Mail.Resolved.Text ?>
<?cs if:Mail.link ?><?cs var:Mail.link ?><?cs else ?><?cs var:L.Mail.NoLink ?><?cs /if ?>

<?cs var:L.Mail.Number ?><?cs var:L.Mail.Colon ?><?cs var:Mail.tracking_no ?>
<?cs call:mail_sign() ?><?cs /escape ?>
