<?cs
# The wake-up list's results panel: how the decisions of a period turned
# out, by the sleep state at the decision and by the way chosen (source
# 001: which way wakes whom). The same numbers as the chart (static/charts.js).
?><?cs def:wake_pct(row) ?><?cs if:row.woke_pct != "" ?><?cs var:row.woke_pct ?>%<?cs else ?><span class="muted">—</span><?cs /if ?><?cs /def ?>
<section class="card" id="wake-results" aria-labelledby="wake-results-title">
  <h2 id="wake-results-title"><?cs var:L.Wake.Results ?></h2>
  <form method="get" action="/analysis/wake" class="filters" id="results-period">
    <?cs each:q = Filter ?><?cs if:name(q) != "Query" && name(q) != "Active" && q != "" && q != "0" ?><input type="hidden" name="<?cs name:q ?>" value="<?cs var:q ?>"><?cs /if ?><?cs /each ?>
    <?cs if:!Filter.owner ?><input type="hidden" name="owner" value=""><?cs /if ?>
    <label for="from"><?cs var:L.Wake.From ?></label> <input type="date" id="from" name="from" value="<?cs var:Results.from ?>">
    <label for="to"><?cs var:L.Wake.To ?></label> <input type="date" id="to" name="to" value="<?cs var:Results.to ?>">
    <button type="submit" class="button"><?cs var:L.Wake.Show ?></button>
  </form>
  <?cs if:!Results.Total.decisions ?>
  <p class="empty" id="results-empty"><?cs var:L.Wake.NoResults ?></p>
  <?cs else ?>
  <p id="results-summary"><?cs var:L.Wake.Summary ?> <strong id="sum-decisions"><?cs var:Results.Total.decisions ?></strong><?cs call:list_sep() ?><?cs var:L.Wake.SummaryWake ?> <strong id="sum-wake"><?cs var:Results.Total.wake ?></strong><?cs call:list_sep() ?><?cs var:L.Wake.SummaryWoke ?> <strong id="sum-woke"><?cs var:Results.Total.woke ?></strong> (<?cs call:wake_pct(Results.Total) ?>)<?cs call:list_sep() ?><?cs var:L.Wake.SummaryLetGo ?> <strong id="sum-let-go"><?cs var:Results.Total.let_go ?></strong></p>
  <div class="table-wrap">
  <table class="data" id="results-states" data-chart="stacked" aria-label="<?cs var:L.Wake.ByState ?>">
    <thead><tr><th><?cs var:L.Wake.ByState ?></th><th class="num" data-series><?cs var:L.Wake.Outcome.woke ?></th><th class="num" data-series><?cs var:L.Wake.Outcome.no_response ?></th><th class="num" data-series><?cs var:L.Wake.Outcome.pending ?></th><th class="num" data-series><?cs var:L.Wake.Decision.let_go ?></th><th class="num"><?cs var:L.Wake.WakeCount ?></th><th class="num"><?cs var:L.Wake.WokePct ?></th></tr></thead>
    <tbody><?cs each:s = Results.States ?><tr data-state="<?cs var:s.sleep_state ?>"><td><?cs var:L.Wake.State[s.sleep_state] ?></td><td class="num"><?cs var:s.woke ?></td><td class="num"><?cs var:s.no_response ?></td><td class="num"><?cs var:s.pending ?></td><td class="num"><?cs var:s.let_go ?></td><td class="num"><?cs var:s.wake ?></td><td class="num"><?cs call:wake_pct(s) ?></td></tr><?cs /each ?></tbody>
  </table></div>
  <?cs if:subcount(Results.Approaches) ?>
  <div class="table-wrap">
  <table class="data" id="results-approaches" aria-label="<?cs var:L.Wake.ByApproach ?>">
    <thead><tr><th><?cs var:L.Wake.ByApproach ?></th><th class="num"><?cs var:L.Wake.WakeCount ?></th><th class="num"><?cs var:L.Wake.Outcome.woke ?></th><th class="num"><?cs var:L.Wake.Outcome.no_response ?></th><th class="num"><?cs var:L.Wake.Outcome.pending ?></th><th class="num"><?cs var:L.Wake.WokePct ?></th></tr></thead>
    <tbody><?cs each:a = Results.Approaches ?><tr data-approach="<?cs var:a.approach ?>"><td><?cs var:L.Wake.Approach[a.approach] ?></td><td class="num"><?cs var:a.wake ?></td><td class="num"><?cs var:a.woke ?></td><td class="num"><?cs var:a.no_response ?></td><td class="num"><?cs var:a.pending ?></td><td class="num"><?cs call:wake_pct(a) ?></td></tr><?cs /each ?></tbody>
  </table></div>
  <?cs /if ?>
  <?cs /if ?>
</section>
