<?cs include:"mail/head.cs" ?><?cs escape:"none" ?><?cs var:L.Public.Kind[Mail.kind] ?> <?cs var:Mail.tracking_no ?> <?cs var:L.Mail.Step.Subject ?>
<?cs call:mail_hello() ?>

<?cs if:Mail.status == "closed" ?><?cs var:L.Mail.Step.Closed ?><?cs else ?><?cs var:L.Mail.Step.Now ?> <?cs var:Mail.step ?>. <?cs var:L.StepName[Mail.step] ?>
<?cs var:L.Public.Steps[Mail.step].Text ?><?cs if:Mail.step == 7 ?>
<?cs var:L.Mail.Step.Followup ?><?cs /if ?><?cs /if ?>

<?cs var:L.Mail.Number ?><?cs var:L.Mail.Colon ?><?cs var:Mail.tracking_no ?>
<?cs call:mail_link() ?>
<?cs call:mail_sign() ?><?cs /escape ?>
