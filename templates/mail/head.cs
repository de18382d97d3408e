<?cs def:mail_hello() ?><?cs if:L.Mail.HelloPre ?><?cs var:L.Mail.HelloPre ?> <?cs /if ?><?cs var:Mail.name ?><?cs var:L.Mail.HelloPost ?><?cs /def ?><?cs
def:mail_link() ?><?cs if:Mail.link ?><?cs var:L.Mail.LinkIntro ?>
<?cs var:Mail.link ?><?cs else ?><?cs var:L.Mail.NoLink ?><?cs /if ?><?cs /def ?><?cs
def:mail_sign() ?>
--
<?cs var:L.Mail.Sign ?>
<?cs var:L.Mail.SignNote ?>
<?cs /def ?>
