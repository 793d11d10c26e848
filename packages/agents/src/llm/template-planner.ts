import type { PlanTaskInput, PlanTaskOutput } from '../social/writing-tasks';
import { BRAND_ANGLES, PRODUCT_ANGLES, THEME_TITLES } from './copy-phrasebook';

/**
 * Plans a calendar from the catalog data in a plan task's input: one theme per week (about), named
 * after the week's lead product or the brand, and one angle per idea (what the post shows or says).
 */
export function planTemplateCalendar(input: PlanTaskInput): PlanTaskOutput {
  const themeCount = Math.max(1, input.themeCount);
  const ideasPerTheme = Math.max(1, Math.ceil(input.ideas.length / themeCount));
  const themes = Array.from({ length: themeCount }, (_, themeIndex) => {
    const ideas = input.ideas.slice(themeIndex * ideasPerTheme, (themeIndex + 1) * ideasPerTheme);
    const products = [
      ...new Map(ideas.flatMap((idea) => (idea.product ? [[idea.product.id, idea.product]] : []))).values(),
    ];
    const lead = products[0];
    const title = (THEME_TITLES[themeIndex % THEME_TITLES.length] as (typeof THEME_TITLES)[number])(
      input.brand,
      lead?.title,
    );
    const description = lead
      ? `${input.brand.storeName} puts the ${lead.title} front and centre${products.length > 1 ? `, with ${products.length - 1} more pieces from the range` : ''}.`
      : `Stories from ${input.brand.storeName} about ${input.brand.niche}.`;
    return { title, description, productIds: products.map((product) => product.id) };
  });
  const ideas = input.ideas.map((idea, position) => {
    const themeIndex = Math.min(themeCount - 1, Math.floor(position / ideasPerTheme));
    const angle = idea.product
      ? (PRODUCT_ANGLES[idea.index % PRODUCT_ANGLES.length] as (typeof PRODUCT_ANGLES)[number])(idea.product)
      : (BRAND_ANGLES[idea.index % BRAND_ANGLES.length] as (typeof BRAND_ANGLES)[number])(input.brand);
    return { index: idea.index, themeIndex, angle };
  });
  return { themes, ideas };
}
