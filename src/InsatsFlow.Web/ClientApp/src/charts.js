// Draws every [data-diagram] of a server-rendered page with Apache ECharts. The numbers come from the server
// (Core/Uppfoljning) as JSON in the attribute; the same numbers are in the table next to the chart for screen readers.
import * as echarts from 'echarts/core';
import { BarChart, LineChart, PieChart, BoxplotChart } from 'echarts/charts';
import { GridComponent, TooltipComponent, LegendComponent } from 'echarts/components';
import { SVGRenderer } from 'echarts/renderers';

echarts.use([ BarChart, LineChart, PieChart, BoxplotChart, GridComponent, TooltipComponent, LegendComponent, SVGRenderer ]);

const tal = new Intl.NumberFormat('sv-SE', { maximumFractionDigits: 1 });

function format(enhet) {
  return (v) => v == null ? '–' : tal.format(v) + (enhet ? ' ' + enhet : '');
}

export function option(d) {
  const f = format(d.enhet);
  const axel = { type: 'value', axisLabel: { formatter: (v) => tal.format(v) } };
  if (d.typ === 'cirkel') {
    return {
      animation: false,
      tooltip: { trigger: 'item', valueFormatter: f },
      legend: { bottom: 0 },
      series: [ { type: 'pie', radius: [ '35%', '65%' ], label: { formatter: '{b}: {d} %' },
        data: d.kategorier.map((k, i) => ({ name: k, value: d.serier[0].varden[i] })) } ]
    };
  }
  if (d.typ === 'lada') {
    return {
      animation: false,
      tooltip: { trigger: 'item' },
      grid: { left: 60, right: 20, top: 30, bottom: 70 },
      xAxis: { type: 'category', data: d.kategorier, axisLabel: { interval: 0, rotate: 30 } },
      yAxis: Object.assign({ name: d.enhet }, axel),
      series: [ { name: d.enhet, type: 'boxplot',
        data: d.lador.map((l) => [ l.min, l.forstaKvartil, l.median, l.tredjeKvartil, l.max ]) } ]
    };
  }
  return {
    animation: false,
    tooltip: { trigger: 'axis', valueFormatter: f },
    legend: { bottom: 0, type: 'scroll' },
    grid: { left: 80, right: 20, top: 20, bottom: 80 },
    xAxis: { type: 'category', data: d.kategorier, axisLabel: { interval: 0, rotate: d.kategorier.length > 4 ? 30 : 0 } },
    yAxis: axel,
    series: d.serier.map((s) => ({ name: s.namn, type: d.typ === 'linje' ? 'line' : 'bar', data: s.varden }))
  };
}

function mountAll() {
  document.querySelectorAll('[data-diagram]:not([data-mounted])').forEach((host) => {
    host.setAttribute('data-mounted', 'true');
    try {
      const chart = echarts.init(host, null, { renderer: 'svg', locale: 'EN' });
      chart.setOption(option(JSON.parse(host.getAttribute('data-diagram'))));
      host.setAttribute('data-ritat', 'true');
      new ResizeObserver(() => chart.resize()).observe(host);
    } catch (e) {
      host.textContent = 'Diagrammet kunde inte ritas: ' + String(e.message).slice(0, 300) + ' (tabellen nedan har samma uppgifter).';
    }
  });
}

document.addEventListener('DOMContentLoaded', mountAll);
document.addEventListener('enhancedload', mountAll);
if (window.Blazor && window.Blazor.addEventListener) window.Blazor.addEventListener('enhancedload', mountAll);
mountAll();
