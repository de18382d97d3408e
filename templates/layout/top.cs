<?cs include:"layout/macros.cs" ?><!doctype html>
<html lang="<?cs if:Page.Lang == "en" ?>en<?cs else ?>zh-CN<?cs /if ?>">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title><?cs var:Page.Title ?> · <?cs var:L.App ?></title>
<link rel="stylesheet" href="/static/app.css?v=<?cs var:Page.Asset ?>">
<link rel="icon" href="/static/favicon.svg" type="image/svg+xml">
</head>
<body class="page-<?cs var:Page.Section ?>">
<a class="skip" href="#main"><?cs var:L.Skip ?></a>
<header class="topbar">
  <div class="topbar-inner">
    <a class="brand" href="/"><span class="logo" aria-hidden="true">客</span><span class="brand-name"><span class="brand-full"><?cs var:L.App ?></span><span class="brand-short"><?cs var:L.AppShort ?></span></span></a>
    <?cs if:User.Id ?>
    <nav class="mainnav" aria-label="<?cs var:L.App ?>">
      <?cs each:n = Nav ?><a href="<?cs var:n.Href ?>"<?cs if:n.Section == Page.Section ?> class="active" aria-current="page"<?cs /if ?>><?cs var:L.Nav[n.Section] ?><?cs if:n.Count ?> <span class="nav-count" id="nav-count-<?cs var:n.Section ?>" title="<?cs var:L.NavCount[n.Section] ?>"><span class="sr-only"><?cs var:L.NavCount[n.Section] ?> </span><?cs var:n.Count ?><?cs if:n.Count >= 100 ?>+<?cs /if ?></span><?cs /if ?></a><?cs /each ?>
    </nav>
    <?cs /if ?>
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
      <?cs if:User.Id ?>
      <a class="who" href="/account" id="my-account" title="<?cs var:L.Account.SignedInAs ?>"><?cs var:User.Name ?> <small><?cs var:L.Role[User.Role] ?></small></a>
      <form method="post" action="/logout" class="inline" id="signout-form">
        <?cs call:csrf_field() ?>
        <button type="submit" class="link" id="signout"><?cs var:L.Account.SignOut ?></button>
      </form>
      <?cs /if ?>
    </div>
  </div>
</header>
<main id="main" class="container">
<?cs if:Flash ?><div class="flash" role="status"><?cs var:L.Flash[Flash] ?></div><?cs /if ?>
<?cs # A rejected form: one banner at the top naming each bad field (static/forms.js
  puts the field's label before its message and scrolls to the first one). ?><?cs
if:subcount(Form.Errors) > 0 ?><div class="alert form-errors" role="alert" id="form-errors"><p><?cs var:L.FormErrors.Before ?> <strong><?cs var:subcount(Form.Errors) ?></strong> <?cs var:L.FormErrors.After ?></p>
<ul class="error-list"><?cs each:e = Form.Errors ?><li><a href="#f-<?cs name:e ?>" data-field="<?cs name:e ?>"><?cs var:e ?></a></li><?cs /each ?></ul></div>
<?cs /if ?>