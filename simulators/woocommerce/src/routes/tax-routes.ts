/**
 * /wp-json/wc/v3/settings/tax, /settings/tax/{id}, /taxes, /taxes/{id} and /taxes/classes, read-only.
 *
 * Both controllers check `wc_rest_check_manager_permissions('settings', 'read')`: the key's user needs
 * manage_woocommerce. A key whose user lacks it is authenticated, so WordPress answers 403 (not 401)
 * `woocommerce_rest_cannot_view`. The option ids, types and defaults are WooCommerce's tax page
 * (includes/admin/settings/class-wc-settings-tax.php); the rates are the shop's (wc-money.ts TAX_RATES).
 */
import { jsonResult, pagedResult, type WcContext, type WcRouteSpec } from '../wc-api.ts';
import { wpError, type WpError } from '../wp-errors.ts';
import type { ArgSpecs } from '../wp-params.ts';
import { TAX_RATES } from '../wc-money.ts';
import type { WooCommerceStore } from '../woocommerce-store.ts';
import { PAGE_ARGS } from './list-support.ts';

/** Whether the request's key may read settings (its user has manage_woocommerce). */
function managerOnly(store: WooCommerceStore, ctx: WcContext, kind: 'list' | 'view'): WpError | null {
  if (ctx.key === null || store.taxSettings.settingsReadableBy === 'all' || ctx.key.permissions !== 'read') return null;
  return wpError(
    403,
    'woocommerce_rest_cannot_view',
    kind === 'list' ? 'Sorry, you cannot list resources.' : 'Sorry, you cannot view this resource.',
  );
}

interface OptionSpec {
  id: string;
  label: string;
  description: string;
  type: string;
  default: string;
  tip?: string;
  options?: Record<string, string>;
}

const TAX_OPTIONS: readonly OptionSpec[] = [
  {
    id: 'woocommerce_prices_include_tax',
    label: 'Prices entered with tax',
    description: '',
    type: 'radio',
    default: 'no',
    tip: 'This option is important as it will affect how you input prices. Changing it will not update existing products.',
    options: { yes: 'Yes, I will enter prices inclusive of tax', no: 'No, I will enter prices exclusive of tax' },
  },
  {
    id: 'woocommerce_tax_based_on',
    label: 'Calculate tax based on',
    description: '',
    type: 'select',
    default: 'shipping',
    tip: 'This option determines which address is used to calculate tax.',
    options: { shipping: 'Customer shipping address', billing: 'Customer billing address', base: 'Shop base address' },
  },
  {
    id: 'woocommerce_shipping_tax_class',
    label: 'Shipping tax class',
    description: 'Optionally control which tax class shipping gets, or leave it so shipping tax is based on the cart items themselves.',
    type: 'select',
    default: 'inherit',
    options: { inherit: 'Shipping tax class based on cart items', '': 'Standard', 'reduced-rate': 'Reduced rate', 'zero-rate': 'Zero rate' },
  },
  {
    id: 'woocommerce_tax_round_at_subtotal',
    label: 'Rounding',
    description: 'Round tax at subtotal level, instead of rounding per line',
    type: 'checkbox',
    default: 'no',
  },
  {
    id: 'woocommerce_tax_display_shop',
    label: 'Display prices in the shop',
    description: '',
    type: 'select',
    default: 'excl',
    options: { incl: 'Including tax', excl: 'Excluding tax' },
  },
  {
    id: 'woocommerce_tax_display_cart',
    label: 'Display prices during cart and checkout',
    description: '',
    type: 'select',
    default: 'excl',
    options: { incl: 'Including tax', excl: 'Excluding tax' },
  },
  { id: 'woocommerce_price_display_suffix', label: 'Price display suffix', description: '', type: 'text', default: '' },
  {
    id: 'woocommerce_tax_total_display',
    label: 'Display tax totals',
    description: '',
    type: 'select',
    default: 'itemized',
    options: { single: 'As a single total', itemized: 'Itemized' },
  },
];

function optionJson(spec: OptionSpec, value: string, site: string) {
  const self = `${site}/wp-json/wc/v3/settings/tax/${spec.id}`;
  return {
    id: spec.id,
    label: spec.label,
    description: spec.description,
    type: spec.type,
    default: spec.default,
    ...(spec.tip === undefined ? {} : { tip: spec.tip }),
    value,
    ...(spec.options === undefined ? {} : { options: spec.options }),
    group_id: 'tax',
    _links: { self: [{ href: self }], collection: [{ href: `${site}/wp-json/wc/v3/settings/tax` }] },
  };
}

/** The values this shop keeps: prices entered with or without tax (the knob), shown to shoppers with tax. */
function taxOptionValues(store: WooCommerceStore): Record<string, string> {
  return {
    woocommerce_prices_include_tax: store.taxSettings.pricesIncludeTax ? 'yes' : 'no',
    woocommerce_tax_based_on: 'base',
    woocommerce_shipping_tax_class: 'inherit',
    woocommerce_tax_round_at_subtotal: 'no',
    woocommerce_tax_display_shop: 'incl',
    woocommerce_tax_display_cart: 'incl',
    woocommerce_price_display_suffix: '',
    woocommerce_tax_total_display: 'itemized',
  };
}

const TAX_CLASSES = [
  { slug: 'standard', name: 'Standard' },
  { slug: 'reduced-rate', name: 'Reduced rate' },
  { slug: 'super-reduced-rate', name: 'Super reduced rate' },
  { slug: 'zero-rate', name: 'Zero rate' },
];

function rateJson(rate: (typeof TAX_RATES)[number], order: number, site: string) {
  return {
    id: rate.id,
    country: 'PL',
    state: '',
    postcode: '',
    city: '',
    postcodes: [],
    cities: [],
    rate: `${rate.percent}.0000`,
    name: rate.label,
    priority: 1,
    compound: false,
    shipping: rate.taxClass === '',
    order,
    class: rate.taxClass === '' ? 'standard' : rate.taxClass,
    _links: { self: [{ href: `${site}/wp-json/wc/v3/taxes/${rate.id}` }], collection: [{ href: `${site}/wp-json/wc/v3/taxes` }] },
  };
}

const TAX_LIST_ARGS: ArgSpecs = {
  ...PAGE_ARGS,
  offset: { schema: { type: 'integer' } },
  order: { schema: { type: 'string', enum: ['asc', 'desc'] }, default: 'asc' },
  orderby: { schema: { type: 'string', enum: ['id', 'order', 'priority'] }, default: 'order' },
  class: { schema: { type: 'string', enum: TAX_CLASSES.map((c) => c.slug) } },
};

export function taxRoutes(store: WooCommerceStore): WcRouteSpec[] {
  return [
    {
      method: 'GET',
      path: '/settings/:group',
      permission: 'list',
      handler: (ctx) => {
        const denied = managerOnly(store, ctx, 'list');
        if (denied) return denied;
        // the simulator's shop shows only its tax page through the API
        if (ctx.req.params['group'] !== 'tax') return wpError(404, 'rest_setting_setting_group_invalid', 'Invalid setting group.');
        const values = taxOptionValues(store);
        return jsonResult(
          200,
          TAX_OPTIONS.map((o) => optionJson(o, values[o.id] ?? o.default, ctx.site)),
        );
      },
    },
    {
      method: 'GET',
      path: '/settings/:group/:id',
      permission: 'view',
      handler: (ctx) => {
        const denied = managerOnly(store, ctx, 'view');
        if (denied) return denied;
        if (ctx.req.params['group'] !== 'tax') return wpError(404, 'rest_setting_setting_group_invalid', 'Invalid setting group.');
        const spec = TAX_OPTIONS.find((o) => o.id === ctx.req.params['id']);
        if (!spec) return wpError(404, 'rest_setting_setting_invalid', 'Invalid setting.');
        return jsonResult(200, optionJson(spec, taxOptionValues(store)[spec.id] ?? spec.default, ctx.site));
      },
    },
    {
      method: 'GET',
      path: '/taxes/classes',
      permission: 'list',
      handler: (ctx) =>
        managerOnly(store, ctx, 'list') ??
        jsonResult(
          200,
          TAX_CLASSES.map((c) => ({ ...c, _links: { collection: [{ href: `${ctx.site}/wp-json/wc/v3/taxes/classes` }] } })),
        ),
    },
    {
      method: 'GET',
      path: '/taxes',
      permission: 'list',
      args: TAX_LIST_ARGS,
      handler: (ctx) => {
        const denied = managerOnly(store, ctx, 'list');
        if (denied) return denied;
        const wanted = ctx.args['class'] as string | undefined;
        const rates = TAX_RATES.map((r, i) => rateJson(r, i, ctx.site)).filter((r) => wanted === undefined || r.class === wanted);
        if (ctx.args['order'] === 'desc') rates.reverse();
        return pagedResult(ctx, rates);
      },
    },
    {
      method: 'GET',
      path: '/taxes/:id',
      permission: 'view',
      digitParams: ['id'],
      handler: (ctx) => {
        const denied = managerOnly(store, ctx, 'view');
        if (denied) return denied;
        const index = TAX_RATES.findIndex((r) => r.id === Number(ctx.req.params['id']));
        if (index < 0) return wpError(404, 'woocommerce_rest_invalid_id', 'Invalid resource ID.');
        return jsonResult(200, rateJson(TAX_RATES[index]!, index, ctx.site));
      },
    },
  ];
}
