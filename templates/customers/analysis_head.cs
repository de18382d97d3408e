<?cs # The file's analysis header (issue 17): what the nightly batch computed
     (customers/analysis.c), and the lifecycle override form. ?>
<section class="card analysis-head" id="analysis" aria-labelledby="analysis-title">
  <h2 id="analysis-title"><?cs var:L.CustomerAnalysis.Title ?><?cs if:Analysis.as_of ?> <span class="muted small" id="analysis-as-of"><?cs var:L.CustomerAnalysis.AsOf ?> <?cs var:Analysis.as_of ?> · <?cs var:L.CustomerAnalysis.PeriodBefore ?> <?cs var:Analysis.period_months ?> <?cs var:L.CustomerAnalysis.PeriodAfter ?></span><?cs /if ?></h2>
  <?cs if:!Analysis.ran ?>
  <p class="muted" id="analysis-none"><?cs var:L.CustomerAnalysis.NotRun ?></p>
  <?cs /if ?>
  <dl class="facts">
    <?cs if:Analysis.ran ?>
    <div id="ana-abc"><dt><?cs var:L.CustomerAnalysis.Abc ?></dt><dd><?cs call:class_badge(Analysis.abc_class) ?> <span aria-hidden="true"><?cs var:L.AbcName[Analysis.abc_class] ?></span><br><span class="muted small"><?cs var:L.CustomerAnalysis.Revenue ?> ¥<span id="ana-revenue"><?cs var:money(Analysis.revenue) ?></span><?cs if:Analysis.revenue_rank > 0 ?> · <?cs var:L.CustomerAnalysis.RankBefore ?> <?cs var:Analysis.revenue_rank ?> <?cs var:L.CustomerAnalysis.RankAfter ?><?cs /if ?></span></dd></div>
    <?cs /if ?>
    <div id="ana-stage"><dt><?cs var:L.CustomerAnalysis.Stage ?></dt><dd><span class="tag lc-<?cs var:Analysis.stage ?>"><?cs var:L.Lifecycle[Analysis.stage] ?></span> <?cs if:Analysis.override ?><span class="tag warn" id="ana-overridden"><?cs var:L.CustomerAnalysis.Overridden ?></span><?cs elif:Analysis.ran ?><span class="tag" id="ana-proposed"><?cs var:L.CustomerAnalysis.Proposed ?></span><?cs /if ?>
      <?cs if:Analysis.strategy ?><br><span class="small" id="ana-strategy"><?cs var:L.CustomerAnalysis.Strategy ?><?cs var:Analysis.strategy ?></span><?cs /if ?>
      <?cs if:Analysis.override ?><br><span class="muted small" id="ana-override-note"><?cs var:L.CustomerAnalysis.OverriddenBy ?><?cs var:Analysis.ov_set_by ?> · <?cs var:Analysis.ov_set_at ?><?cs if:Analysis.ran ?> · <?cs var:L.CustomerAnalysis.ProposalWas ?><?cs var:L.Lifecycle[Analysis.life_proposed] ?><?cs /if ?></span><br><span class="small prose" id="ana-override-reason"><?cs var:Analysis.ov_reason ?></span><?cs /if ?></dd></div>
    <?cs if:Analysis.ran ?>
    <div id="ana-sleep"><dt><?cs var:L.CustomerAnalysis.Sleep ?></dt><dd><?cs if:Analysis.sleep_state >= 2 ?><span class="tag warn sleep-<?cs var:Analysis.sleep_state ?>"><?cs var:L.SleepState[Analysis.sleep_state] ?></span><?cs else ?><?cs var:L.SleepState[Analysis.sleep_state] ?><?cs /if ?><?cs if:Analysis.days_since >= 0 ?><br><span class="muted small"><?cs var:L.CustomerAnalysis.DaysSinceBefore ?> <span id="ana-days-since"><?cs var:Analysis.days_since ?></span> <?cs var:L.CustomerAnalysis.DaysUnit ?> · <?cs var:L.CustomerAnalysis.IntervalBefore ?> <span id="ana-interval"><?cs var:Analysis.interval_days ?></span> <?cs var:L.CustomerAnalysis.DaysUnit ?></span><?cs /if ?></dd></div>
    <div id="ana-rfm"><dt><?cs var:L.CustomerAnalysis.Rfm ?></dt><dd><?cs if:Analysis.rfm_segment > 0 ?><span class="mono">R<?cs var:Analysis.rfm_r ?> F<?cs var:Analysis.rfm_f ?> M<?cs var:Analysis.rfm_m ?></span><br><span class="small" id="ana-segment"><?cs var:L.RfmSegment[Analysis.rfm_segment] ?></span><?cs else ?><span class="muted">—</span><?cs /if ?></dd></div>
    <div id="ana-profit"><dt><?cs var:L.CustomerAnalysis.Profit ?></dt><dd>¥<span id="ana-profit-value"><?cs var:money(Analysis.profit) ?></span><?cs if:Analysis.profit_rank > 0 ?> <span class="muted small">· <?cs var:L.CustomerAnalysis.RankBefore ?> <?cs var:Analysis.profit_rank ?> <?cs var:L.CustomerAnalysis.RankAfter ?></span><?cs /if ?></dd></div>
    <div id="ana-lifetime"><dt><?cs var:L.CustomerAnalysis.Lifetime ?></dt><dd>¥<span id="ana-lifetime-value"><?cs var:money(Analysis.lifetime_value) ?></span></dd></div>
    <?cs /if ?>
  </dl>
  <?cs if:Analysis.watch_score > 0 ?>
  <div class="alert" role="note" id="ana-watch"><p><strong><?cs var:L.CustomerAnalysis.Watch ?></strong> · <a href="/analysis/watch" id="ana-watch-link"><?cs var:L.CustomerAnalysis.WatchLink ?></a></p>
    <ul class="changes"><?cs each:w = Analysis.Watch ?><li id="ana-watch-<?cs var:w ?>"><strong><?cs var:L.WatchReason[w] ?></strong> <span class="muted small"><?cs if:w == "late" ?><?cs var:L.CustomerAnalysis.LateFigure ?> <?cs var:L.CustomerAnalysis.Earlier ?> <?cs var:Analysis.late_tenths_earlier ?> → <?cs var:L.CustomerAnalysis.Recent ?> <?cs var:Analysis.late_tenths_recent ?> <?cs var:L.CustomerAnalysis.DaysUnit ?><?cs elif:w == "orders" ?><?cs var:L.CustomerAnalysis.OrdersFigure ?> <?cs var:L.CustomerAnalysis.Earlier ?> ¥<?cs var:money(Analysis.orders_earlier) ?> → <?cs var:L.CustomerAnalysis.Recent ?> ¥<?cs var:money(Analysis.orders_recent) ?><?cs elif:w == "contacts" ?><?cs var:L.CustomerAnalysis.ContactsFigure ?> <?cs var:Analysis.unanswered ?> <?cs var:L.CustomerAnalysis.CountUnit ?><?cs else ?><?cs var:L.CustomerAnalysis.ComplaintsFigure ?> <?cs var:Analysis.complaints_recent ?> <?cs var:L.CustomerAnalysis.CountUnit ?><?cs /if ?></span></li><?cs /each ?></ul>
  </div>
  <?cs /if ?>
  <?cs if:Customer.status != "merged" ?>
  <details class="life-fold" id="life-override"<?cs if:Form.Errors.life_stage || Form.Errors.life_reason ?> open<?cs /if ?>>
    <summary class="button"><?cs var:L.CustomerAnalysis.OverrideTitle ?></summary>
    <p class="muted small"><?cs var:L.CustomerAnalysis.OverrideHint ?></p>
    <form method="post" action="/customers/<?cs var:Customer.id ?>/lifecycle" class="form-grid" id="life-form" novalidate>
      <?cs call:csrf_field() ?><input type="hidden" name="life_version" value="<?cs var:Form.life_version ?>">
      <?cs call:choice_field("life_stage", L.CustomerAnalysis.OverrideStage, L.Lifecycle, 1) ?>
      <div class="field wide<?cs if:Form.Errors.life_reason ?> invalid<?cs /if ?>"><label for="f-life_reason"><?cs var:L.CustomerAnalysis.OverrideReason ?> <span class="req" aria-hidden="true">*</span></label><textarea id="f-life_reason" name="life_reason" rows="2" maxlength="500" required<?cs if:Form.Errors.life_reason ?> aria-invalid="true" aria-describedby="err-life_reason"<?cs /if ?>><?cs var:Form.life_reason ?></textarea><?cs call:field_error("life_reason") ?></div>
      <div class="actions wide"><button type="submit" class="button primary" id="life-save"><?cs var:L.CustomerAnalysis.OverrideSave ?></button></div>
    </form>
    <?cs if:Analysis.override ?>
    <form method="post" action="/customers/<?cs var:Customer.id ?>/lifecycle" class="inline" id="life-remove-form">
      <?cs call:csrf_field() ?><input type="hidden" name="life_version" value="<?cs var:Analysis.ov_version ?>"><input type="hidden" name="remove" value="1">
      <button type="submit" class="button" id="life-remove"><?cs var:L.CustomerAnalysis.OverrideRemove ?></button>
    </form>
    <?cs /if ?>
  </details>
  <?cs /if ?>
</section>
