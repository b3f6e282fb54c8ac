/* treatydiff report: filters the changes by concern and by effect, and switches the text view.
   Without this script the filter form stays hidden and every change is shown. Filtering only
   adds the class "is-filtered-out", which hides an element on screen, never in print. */
(function () {
  "use strict";

  var HIDDEN = "is-filtered-out";
  var form = document.getElementById("filters");
  if (!form) {
    return;
  }
  var concern = document.getElementById("filter-concern");
  var effect = document.getElementById("filter-effect");
  var view = document.getElementById("filter-view");
  var quiet = document.getElementById("filter-quiet");
  var reset = document.getElementById("filter-reset");
  var status = document.getElementById("filter-status");
  var all = function (selector) {
    return Array.prototype.slice.call(document.querySelectorAll(selector));
  };
  var changes = all(".change");
  var articles = all(".article").map(function (element) {
    var inner = Array.prototype.slice.call(element.querySelectorAll(".change"));
    return { element: element, changes: inner };
  });
  var lineages = all("tr.lineage");
  var summaryRows = all("tr[data-concern]");

  /* A change's tags, as "concern:effect" words in its data-tags attribute. */
  function tagsOf(change) {
    return (change.getAttribute("data-tags") || "").split(" ").filter(Boolean).map(function (tag) {
      var cut = tag.lastIndexOf(":");
      return { concern: tag.slice(0, cut), effect: tag.slice(cut + 1) };
    });
  }

  function matches(change, wantedConcern, wantedEffect) {
    if (!wantedConcern && !wantedEffect) {
      return true;
    }
    return tagsOf(change).some(function (tag) {
      var concernOk = !wantedConcern || tag.concern === wantedConcern;
      var effectOk = !wantedEffect || wantedEffect === "any" || tag.effect === wantedEffect;
      return concernOk && effectOk;
    });
  }

  function isShown(element) {
    return !element.classList.contains(HIDDEN);
  }

  function describe(wantedConcern, wantedEffect) {
    var parts = [];
    if (wantedConcern) {
      parts.push("concern " + wantedConcern);
    }
    if (wantedEffect) {
      parts.push(wantedEffect === "any" ? "any effect" : "effect " + wantedEffect);
    }
    return parts.length ? " (" + parts.join(", ") + ")" : "";
  }

  function apply() {
    var wantedConcern = concern.value;
    var wantedEffect = effect.value;
    var filtering = Boolean(wantedConcern || wantedEffect);
    var shownChanges = 0;
    var shownArticles = 0;
    changes.forEach(function (change) {
      var keep = matches(change, wantedConcern, wantedEffect);
      change.classList.toggle(HIDDEN, !keep);
      shownChanges += keep ? 1 : 0;
    });
    articles.forEach(function (article) {
      var inner = article.changes;
      var hide = filtering ? !inner.some(isShown) : inner.length === 0 && !quiet.checked;
      article.element.classList.toggle(HIDDEN, hide);
      shownArticles += hide ? 0 : 1;
    });
    lineages.forEach(function (row) {
      row.classList.toggle(HIDDEN, !quiet.checked && row.classList.contains("quiet"));
    });
    summaryRows.forEach(function (row) {
      row.classList.toggle("is-selected", row.getAttribute("data-concern") === wantedConcern);
    });
    document.body.setAttribute("data-view", view.value);
    status.textContent = "Showing " + shownChanges + " of " + changes.length + " changes in " +
      shownArticles + " of " + articles.length + " sections" +
      describe(wantedConcern, wantedEffect) + ".";
  }

  /* The nearest shown change before or after *from*, within the same list of articles. */
  function neighbour(from, step) {
    var scope = from.closest(".articles") || document.body;
    var list = changes.filter(function (change) {
      return scope.contains(change) && (change === from || isShown(change));
    });
    return list[list.indexOf(from) + step] || null;
  }

  function onClick(event) {
    var link = event.target.closest ? event.target.closest("a[data-nav], a[data-concern]") : null;
    if (!link) {
      return;
    }
    if (link.hasAttribute("data-nav")) {
      var forward = link.getAttribute("data-nav") === "next";
      var target = neighbour(link.closest(".change"), forward ? 1 : -1);
      if (target) {
        link.setAttribute("href", "#" + target.id); /* the default action follows it */
      } else {
        event.preventDefault();
        status.textContent = "No " + (forward ? "later" : "earlier") +
          " change matches the filters.";
      }
      return;
    }
    /* A summary count: filter to what it counts; the link then goes to the first of them. */
    concern.value = link.getAttribute("data-concern");
    effect.value = link.getAttribute("data-effect");
    apply();
  }

  [concern, effect, view, quiet].forEach(function (control) {
    control.addEventListener("change", apply);
  });
  reset.addEventListener("click", function () {
    concern.value = "";
    effect.value = "";
    quiet.checked = true;
    apply();
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
  });
  document.addEventListener("click", onClick);
  form.hidden = false;
  apply();
})();
