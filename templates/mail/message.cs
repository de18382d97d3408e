<?cs include:"mail/head.cs" ?><?cs escape:"none" ?><?cs var:L.Public.Kind[Mail.kind] ?> <?cs var:Mail.tracking_no ?> <?cs var:L.Mail.Message.Subject ?>
<?cs call:mail_hello() ?>

<?cs var:L.Mail.Message.Intro ?>

<?cs var:Mail.text ?>

<?cs var:L.Mail.Number ?><?cs var:L.Mail.Colon ?><?cs var:Mail.tracking_no ?>
<?cs call:mail_link() ?>
<?cs call:mail_sign() ?><?cs /escape ?>
