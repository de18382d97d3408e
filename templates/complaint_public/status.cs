<?cs set:Page.Title = L.Public.Status.Title ?><?cs include:"complaint_public/top.cs" ?><?cs include:"complaint_public/steps.cs" ?>
<div class="public-page">
<h1><?cs var:L.Public.Status.Title ?></h1>
<?cs call:public_form_errors() ?>
<?cs if:Status.id ?>
<?cs if:Rated == "thanks" ?><div class="flash" role="status" id="rated"><?cs var:L.Public.Rate.Thanks ?></div><?cs /if ?>
<?cs if:Rated == "reopened" ?><div class="flash" role="status" id="reopened"><?cs var:L.Public.Rate.Reopened ?></div><?cs /if ?>
<section class="card">
  <p class="muted"><?cs var:L.Public.Receipt.Number ?></p>
  <p class="tracking-no mono" id="tracking-no"><?cs var:Status.tracking_no ?></p>
  <p id="stage" class="stage"><?cs var:L.Public.Status.Now ?>
    <strong><?cs if:Status.status == "closed" ?><?cs var:L.Public.Stage.closed ?><?cs elif:Status.can_rate == "1" ?><?cs var:L.Public.Stage.resolved ?><?cs elif:Status.reopen_count > 0 && Status.step == 7 ?><?cs var:L.Public.Stage.followup ?><?cs else ?><?cs var:L.StepName[Status.step] ?><?cs /if ?></strong></p>
  <dl class="facts" id="dates">
    <div><dt><?cs var:L.Public.Field.kind ?></dt><dd><?cs var:L.Public.Kind[Status.kind] ?></dd></div>
    <div><dt><?cs var:L.Public.Field.received_at ?></dt><dd><?cs var:string.slice(Status.received_at, 0, 16) ?></dd></div>
    <?cs if:Status.first_response_at ?><div><dt><?cs var:L.Public.Field.first_response_at ?></dt><dd><?cs var:string.slice(Status.first_response_at, 0, 16) ?></dd></div><?cs else ?><div><dt><?cs var:L.Public.Field.first_response_due ?></dt><dd><?cs var:string.slice(Status.first_response_due, 0, 16) ?></dd></div><?cs /if ?>
    <?cs if:Status.resolved_at ?><div><dt><?cs var:L.Public.Field.resolved_at ?></dt><dd><?cs var:string.slice(Status.resolved_at, 0, 16) ?></dd></div><?cs /if ?>
    <?cs if:Status.closed_at ?><div><dt><?cs var:L.Public.Field.closed_at ?></dt><dd><?cs var:string.slice(Status.closed_at, 0, 16) ?></dd></div><?cs /if ?>
    <?cs if:Status.product || Status.product_text ?><div class="wide"><dt><?cs var:L.Public.Field.product_id ?></dt><dd><?cs alt:Status.product ?><?cs var:Status.product_text ?><?cs /alt ?></dd></div><?cs /if ?>
  </dl>
</section>
<?cs if:Status.can_rate == "1" ?>
<section class="card" id="rate">
  <h2><?cs var:L.Public.Rate.Title ?></h2>
  <p class="muted"><?cs var:L.Public.Rate.Intro ?></p>
  <form method="post" action="/complaint/rate" class="public-form" id="rate-form" novalidate>
    <?cs call:csrf_field() ?>
    <?cs if:Form.t ?><input type="hidden" name="t" value="<?cs var:Form.t ?>"><?cs else ?>
    <input type="hidden" name="tracking_no" value="<?cs var:Form.tracking_no ?>">
    <input type="hidden" name="phone" value="<?cs var:Form.phone ?>"><?cs /if ?>
    <fieldset class="field choice-group<?cs if:Form.Errors.score ?> invalid<?cs /if ?>" id="f-score">
      <legend><?cs var:L.Public.Rate.Score ?> <span class="req" aria-hidden="true">*</span></legend>
      <div class="choices">
        <?cs loop:i = 5, 1, -1 ?><label class="choice"><input type="radio" name="score" value="<?cs var:i ?>"<?cs if:Form.score == i ?> checked<?cs /if ?>> <?cs var:L.Public.Rate.Scores[i] ?></label><?cs /loop ?>
      </div>
      <?cs call:field_error("score") ?>
    </fieldset>
    <?cs call:area_field("comment", L.Public.Rate.Comment, 0) ?>
    <div class="actions"><button type="submit" class="button primary" id="submit-rating"><?cs var:L.Public.Rate.Submit ?></button></div>
  </form>
</section>
<?cs elif:Status.rated == "1" ?>
<p class="flash" id="rating"><?cs var:L.Public.Rate.Given ?> <strong><?cs var:Status.satisfaction ?></strong> / 5</p>
<?cs /if ?>
<section class="card">
  <h2><?cs var:L.Public.Status.Progress ?></h2>
  <?cs if:Status.status == "closed" ?><?cs call:public_steps(7, 1) ?><?cs else ?><?cs call:public_steps(Status.step, 0) ?><?cs /if ?>
</section>
<section class="card" id="messages">
  <h2><?cs var:L.Public.Status.Messages ?></h2>
  <?cs if:subcount(Messages) == 0 ?><p class="empty"><?cs var:L.Public.Status.NoMessages ?></p><?cs else ?>
  <ol class="timeline">
    <?cs each:m = Messages ?><li><p class="timeline-head"><strong><?cs var:L.Public.Author[m.author] ?></strong> <span class="muted"><?cs var:string.slice(m.at, 0, 16) ?></span></p><p class="prose"><?cs var:m.body ?></p></li><?cs /each ?>
  </ol><?cs /if ?>
</section>
<p><a href="/complaint/status"><?cs var:L.Public.Status.Another ?></a></p>
<?cs else ?>
<?cs if:Lookup.NotFound ?><div class="alert" role="alert" id="not-found"><?cs var:L.Public.Status.NotFound ?></div><?cs /if ?>
<form method="post" action="/complaint/status" class="card public-form status-form" id="status-form" novalidate>
  <?cs call:csrf_field() ?>
  <p class="muted"><?cs var:L.Public.Status.Intro ?></p>
  <div class="form-grid">
    <?cs call:text_field("tracking_no", L.Public.Field.tracking_no, "text", 1) ?>
    <div class="field<?cs if:Form.Errors.phone ?> invalid<?cs /if ?>"><label for="f-phone"><?cs var:L.Public.Field.phone_full ?> <span class="req" aria-hidden="true">*</span></label><input id="f-phone" name="phone" type="tel" inputmode="tel" maxlength="32" autocomplete="tel" value="<?cs var:Form.phone ?>" required<?cs if:Form.Errors.phone ?> aria-invalid="true" aria-describedby="err-phone"<?cs /if ?>><?cs call:field_error("phone") ?></div>
  </div>
  <div class="actions"><button type="submit" class="button primary" id="submit-status"><?cs var:L.Public.Status.Submit ?></button></div>
</form>
<?cs /if ?>
</div>
<?cs include:"complaint_public/bottom.cs" ?>
