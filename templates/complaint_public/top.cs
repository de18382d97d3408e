<?cs # The public pages' layout: the same look as the staff pages, but the
  brand leads to the form and there is no staff navigation. ?><?cs
include:"layout/macros.cs" ?><?cs
# A rejected public form: one banner above it (the messages are at the fields). ?><?cs
def:public_form_errors() ?><?cs if:subcount(Form.Errors) > 0 ?><div class="alert" role="alert" id="form-errors"><?cs var:L.Public.Form.FixErrors ?><?cs if:Form.FilesAgain ?> <?cs var:L.Public.Form.FilesAgain ?><?cs /if ?></div><?cs /if ?><?cs /def ?><!doctype html>
<html lang="<?cs if:Page.Lang == "en" ?>en<?cs else ?>zh-CN<?cs /if ?>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs var:Page.Title ?> · <?cs var:L.Company ?></title>
<link rel="stylesheet" href="/static/app.css?v=<?cs var:Page.Asset ?>">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
</head>
<body class="page-complaint">
<a class="skip" href="#main"><?cs var:L.Skip ?></a>
<header class="topbar">
  <div class="topbar-inner">
    <a class="brand" href="/complaint"><span class="logo" aria-hidden="true">客</span><span class="brand-name"><?cs var:L.Company ?> · <?cs var:L.Public.Brand ?></span></a>
    <nav class="mainnav" aria-label="<?cs var:L.Public.Brand ?>">
      <a href="/complaint"<?cs if:Page.Path == "/complaint" ?> class="active" aria-current="page"<?cs /if ?>><?cs var:L.Public.Nav.Form ?></a>
      <a href="/complaint/status"<?cs if:Page.Path == "/complaint/status" ?> class="active" aria-current="page"<?cs /if ?>><?cs var:L.Public.Nav.Status ?></a>
    </nav>
    <div class="usermenu">
      <form method="post" action="/account/lang" class="inline" id="lang-form">
        <?cs call:csrf_field() ?>
        <input type="hidden" name="back" value="<?cs var:Page.Here ?>">
        <?cs if:Page.Lang == "en" ?>
        <button type="submit" name="lang" value="zh-CN" class="link" lang="zh-CN"><?cs var:L.Lang.zh_CN ?></button>
        <?cs else ?>
        <button type="submit" name="lang" value="en" class="link" lang="en">English</button>
        <?cs /if ?>
      </form>
    </div>
  </div>
</header>
<main id="main" class="container public">
