// The managers' charts on the home page (issue 14 item 8): each [data-chart-url] is drawn by ECharts from its JSON
// endpoint (labels already in the user's language); the table under it has the same figures for screen readers.
document.addEventListener('DOMContentLoaded', function () {
  if (typeof echarts === 'undefined') { return; }
  document.querySelectorAll('[data-chart-url]').forEach(function (el) {
    fetch(el.getAttribute('data-chart-url'), {credentials: 'same-origin', headers: {'Accept': 'application/json'}})
      .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
      .then(function (c) {
        var chart = echarts.init(el);
        chart.setOption({
          animation: false,
          tooltip: {trigger: 'axis'},
          legend: {type: 'scroll', bottom: 0},
          grid: {left: 40, right: 10, top: 10, bottom: 50},
          xAxis: {type: 'category', data: c.categories, axisLabel: {interval: c.categories.length > 12 ? 'auto' : 0}},
          yAxis: {type: 'value', minInterval: 1},
          series: c.series.map(function (s) {
            return {name: s.name, type: s.type, data: s.data, stack: c.stacked ? 'all' : undefined};
          })
        });
        el.setAttribute('data-rendered', 'true');
        window.addEventListener('resize', function () { chart.resize(); });
      })
      .catch(function () { el.setAttribute('data-failed', 'true'); });
  });
});
