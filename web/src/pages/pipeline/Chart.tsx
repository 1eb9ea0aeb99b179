/**
 * A chart drawn as SVG by Observable Plot, with its accessible name, beside a data table behind a
 * toggle (the same figures, for a screen reader and without colour). Plot is imported only here,
 * in the pipeline's lazily loaded pages. Plot puts a `<style>` element in each chart, which the
 * pages' Content-Security-Policy (`style-src 'self'`) would refuse: it is taken out before the
 * chart joins the page, and its few rules are in ./pipeline.scss.
 */
import * as Plot from '@observablehq/plot';
import type { ComponentChildren } from 'preact';
import { useEffect, useRef } from 'preact/hooks';
import { usePipelineTexts } from './texts/usePipelineTexts.ts';

export interface ChartProps {
  id: string;
  heading: string;
  /** What the chart shows, as a screen reader names it. */
  label: string;
  plot: Plot.PlotOptions;
  /** The data table behind the toggle. */
  table: ComponentChildren;
  children?: ComponentChildren;
}

export function Chart({ id, heading, label, plot, table, children }: ChartProps) {
  const { texts } = usePipelineTexts();
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => {
    const host = ref.current;
    if (host === null) return;
    const chart = Plot.plot({ ...plot, ariaLabel: label });
    for (const style of chart.querySelectorAll('style')) style.remove();
    // The chart is one image named as a whole; Plot's names of its parts ("bar", "x-axis tick")
    // are on elements that may carry no name, and its table says the same in full.
    for (const part of chart.querySelectorAll('[aria-label], [aria-description]')) {
      part.removeAttribute('aria-label');
      part.removeAttribute('aria-description');
    }
    chart.setAttribute('role', 'img');
    host.replaceChildren(chart);
    return () => chart.remove();
  }, [plot, label]);
  return (
    <section class="spire-chart" aria-labelledby={`${id}-heading`}>
      <h3 id={`${id}-heading`} class="h4">
        {heading}
      </h3>
      {children}
      <div ref={ref} class="spire-chart-svg" />
      <details class="spire-chart-table">
        <summary>{texts.pipeline.showTable}</summary>
        {table}
      </details>
    </section>
  );
}

/** A plain table: a caption, column headings, and rows whose first cell heads the row. */
export function DataTable({ caption, columns, rows }: { caption: string; columns: readonly string[]; rows: readonly (readonly string[])[] }) {
  return (
    <table class="table table--compact">
      <caption>{caption}</caption>
      <thead>
        <tr>
          {columns.map((column) => (
            <th key={column} scope="col">
              {column}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map(([first, ...rest], index) => (
          <tr key={index}>
            <th scope="row">{first}</th>
            {rest.map((cell, cellIndex) => (
              <td key={cellIndex}>{cell}</td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
