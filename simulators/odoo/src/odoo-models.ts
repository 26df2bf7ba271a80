/**
 * The Odoo 19 models the simulator serves: field names, types, labels and relations as `fields_get` reports them.
 * One table drives reads, domain validation (`Invalid field …`), `fields_get`, records validation and writes.
 */

export type FieldType =
  'integer' | 'float' | 'monetary' | 'char' | 'text' | 'html' | 'boolean' | 'selection' | 'date' | 'datetime' | 'many2one' | 'one2many' | 'many2many';

export interface FieldDef {
  type: FieldType;
  string: string;
  relation?: string;
  /** one2many: the many2one field of `relation` pointing back */
  inverseName?: string;
  selection?: ReadonlyArray<readonly [string, string]>;
  required?: boolean;
  readonly?: boolean;
  /** computed at read time (not stored in the table): not loadable through records, not writable */
  compute?: boolean;
  /** the simulator keeps a value → ids index on it */
  index?: boolean;
  /** accepted by create/write on writable models */
  writable?: boolean;
  help?: string;
}

export interface ModelDef {
  name: string;
  /** `_description`, used in access error messages */
  description: string;
  fields: Readonly<Record<string, FieldDef>>;
  /** `_order`: the default sort when a search gives none */
  order: string;
  /** the bot user may create/write records of this model */
  writable?: boolean;
  /** parent many2one for `child_of` / `parent_of` */
  parentField?: string;
}

const ID: FieldDef = { type: 'integer', string: 'ID', readonly: true };
const DISPLAY_NAME: FieldDef = { type: 'char', string: 'Display Name', readonly: true, compute: true };
const CREATE_DATE: FieldDef = { type: 'datetime', string: 'Created on', readonly: true };
const WRITE_DATE: FieldDef = { type: 'datetime', string: 'Last Updated on', readonly: true };
const ACTIVE: FieldDef = { type: 'boolean', string: 'Active' };
const COMPANY: FieldDef = { type: 'many2one', string: 'Company', relation: 'res.company' };
const CURRENCY: FieldDef = { type: 'many2one', string: 'Currency', relation: 'res.currency' };

const m2o = (string: string, relation: string, extra: Partial<FieldDef> = {}): FieldDef => ({
  type: 'many2one',
  string,
  relation,
  ...extra,
});

export const MODELS: Readonly<Record<string, ModelDef>> = {
  'product.product': {
    name: 'product.product',
    description: 'Product Variant',
    // Odoo's _order is 'priority desc, default_code, name, id'; every simulated product has the same priority.
    order: 'default_code, name, id',
    fields: {
      id: ID,
      display_name: DISPLAY_NAME,
      name: { type: 'char', string: 'Name', required: true },
      default_code: { type: 'char', string: 'Internal Reference', index: true },
      barcode: { type: 'char', string: 'Barcode', index: true, help: 'International Article Number used for product identification.' },
      product_tmpl_id: m2o('Product Template', 'product.template', { required: true, index: true }),
      categ_id: m2o('Product Category', 'product.category', { index: true }),
      type: {
        type: 'selection',
        string: 'Product Type',
        selection: [
          ['consu', 'Goods'],
          ['service', 'Service'],
          ['combo', 'Combo'],
        ],
      },
      is_storable: { type: 'boolean', string: 'Track Inventory' },
      uom_id: m2o('Unit', 'uom.uom'),
      list_price: { type: 'float', string: 'Sales Price' },
      // stored here: the variant's own price (template list_price + price_extra)
      lst_price: { type: 'float', string: 'Sales Price' },
      standard_price: { type: 'float', string: 'Cost' },
      taxes_id: { type: 'many2many', string: 'Sales Taxes', relation: 'account.tax' },
      qty_available: { type: 'float', string: 'Quantity On Hand', readonly: true, compute: true },
      virtual_available: { type: 'float', string: 'Forecasted Quantity', readonly: true, compute: true },
      free_qty: { type: 'float', string: 'Free To Use Quantity ', readonly: true, compute: true },
      incoming_qty: { type: 'float', string: 'Incoming', readonly: true, compute: true },
      outgoing_qty: { type: 'float', string: 'Outgoing', readonly: true, compute: true },
      weight: { type: 'float', string: 'Weight' },
      sale_ok: { type: 'boolean', string: 'Sales' },
      purchase_ok: { type: 'boolean', string: 'Purchase' },
      active: ACTIVE,
      company_id: COMPANY,
      currency_id: { ...CURRENCY, readonly: true, compute: true },
      create_date: CREATE_DATE,
      write_date: WRITE_DATE,
    },
  },
  'product.template': {
    name: 'product.template',
    description: 'Product',
    order: 'name, id',
    fields: {
      id: ID,
      display_name: DISPLAY_NAME,
      name: { type: 'char', string: 'Name', required: true },
      default_code: { type: 'char', string: 'Internal Reference' },
      categ_id: m2o('Product Category', 'product.category'),
      type: {
        type: 'selection',
        string: 'Product Type',
        selection: [
          ['consu', 'Goods'],
          ['service', 'Service'],
          ['combo', 'Combo'],
        ],
      },
      is_storable: { type: 'boolean', string: 'Track Inventory' },
      uom_id: m2o('Unit', 'uom.uom'),
      list_price: { type: 'float', string: 'Sales Price' },
      standard_price: { type: 'float', string: 'Cost' },
      taxes_id: { type: 'many2many', string: 'Sales Taxes', relation: 'account.tax' },
      product_variant_ids: {
        type: 'one2many',
        string: 'Products',
        relation: 'product.product',
        inverseName: 'product_tmpl_id',
        compute: true,
      },
      product_variant_count: { type: 'integer', string: '# Product Variants', readonly: true, compute: true },
      active: ACTIVE,
      create_date: CREATE_DATE,
      write_date: WRITE_DATE,
    },
  },
  'product.category': {
    name: 'product.category',
    description: 'Product Category',
    order: 'complete_name, id',
    parentField: 'parent_id',
    fields: {
      id: ID,
      display_name: DISPLAY_NAME,
      name: { type: 'char', string: 'Name', required: true },
      complete_name: { type: 'char', string: 'Complete Name' },
      parent_id: m2o('Parent Category', 'product.category'),
      create_date: CREATE_DATE,
      write_date: WRITE_DATE,
    },
  },
  'account.tax': {
    name: 'account.tax',
    description: 'Tax',
    order: 'sequence, id',
    fields: {
      id: ID,
      display_name: DISPLAY_NAME,
      name: { type: 'char', string: 'Tax Name', required: true },
      amount: { type: 'float', string: 'Amount', required: true },
      amount_type: {
        type: 'selection',
        string: 'Tax Computation',
        selection: [
          ['group', 'Group of Taxes'],
          ['fixed', 'Fixed'],
          ['percent', 'Percentage'],
          ['division', 'Percentage Tax Included'],
        ],
      },
      type_tax_use: {
        type: 'selection',
        string: 'Tax Type',
        selection: [
          ['sale', 'Sales'],
          ['purchase', 'Purchases'],
          ['none', 'None'],
        ],
      },
      // 18+: computed from price_include_override, else the company's account_price_include (stored here)
      price_include: { type: 'boolean', string: 'Included in Price', compute: true },
      price_include_override: {
        type: 'selection',
        string: 'Included in Price',
        selection: [
          ['tax_included', 'Tax Included'],
          ['tax_excluded', 'Tax Excluded'],
        ],
      },
      children_tax_ids: { type: 'many2many', string: 'Children Taxes', relation: 'account.tax' },
      include_base_amount: { type: 'boolean', string: 'Affect Base of Subsequent Taxes' },
      is_base_affected: { type: 'boolean', string: 'Base Affected by Previous Taxes' },
      description: { type: 'html', string: 'Description' },
      sequence: { type: 'integer', string: 'Sequence' },
      active: ACTIVE,
      company_id: COMPANY,
      create_date: CREATE_DATE,
      write_date: WRITE_DATE,
    },
  },
  'uom.uom': {
    name: 'uom.uom',
    description: 'Product Unit of Measure',
    order: 'sequence, id',
    fields: {
      id: ID,
      display_name: DISPLAY_NAME,
      name: { type: 'char', string: 'Unit Name', required: true },
      sequence: { type: 'integer', string: 'Sequence' },
      active: ACTIVE,
    },
  },
  'res.currency': {
    name: 'res.currency',
    description: 'Currency',
    order: 'active desc, name, id',
    fields: {
      id: ID,
      display_name: DISPLAY_NAME,
      name: { type: 'char', string: 'Currency', required: true },
      symbol: { type: 'char', string: 'Symbol' },
      rounding: { type: 'float', string: 'Rounding Factor' },
      decimal_places: { type: 'integer', string: 'Decimal Places', readonly: true, compute: true },
      active: ACTIVE,
    },
  },
  'res.country': {
    name: 'res.country',
    description: 'Country',
    order: 'name, id',
    fields: {
      id: ID,
      display_name: DISPLAY_NAME,
      name: { type: 'char', string: 'Country Name', required: true },
      code: { type: 'char', string: 'Country Code' },
    },
  },
  'res.company': {
    name: 'res.company',
    description: 'Companies',
    order: 'sequence, name, id',
    fields: {
      id: ID,
      display_name: DISPLAY_NAME,
      name: { type: 'char', string: 'Company Name', required: true },
      partner_id: m2o('Partner', 'res.partner'),
      currency_id: CURRENCY,
      vat: { type: 'char', string: 'Tax ID' },
      // 18+: the default of taxes without price_include_override
      account_price_include: {
        type: 'selection',
        string: 'Default Sales Price Include',
        selection: [
          ['tax_included', 'Tax Included'],
          ['tax_excluded', 'Tax Excluded'],
        ],
      },
      sequence: { type: 'integer', string: 'Sequence' },
    },
  },
  'res.users': {
    name: 'res.users',
    description: 'User',
    order: 'name, login, id',
    fields: {
      id: ID,
      display_name: DISPLAY_NAME,
      name: { type: 'char', string: 'Name', required: true },
      login: { type: 'char', string: 'Login', required: true },
      partner_id: m2o('Related Partner', 'res.partner'),
      company_id: COMPANY,
      active: ACTIVE,
    },
  },
  'stock.warehouse': {
    name: 'stock.warehouse',
    description: 'Warehouse',
    order: 'sequence, id',
    fields: {
      id: ID,
      display_name: DISPLAY_NAME,
      name: { type: 'char', string: 'Warehouse', required: true },
      code: { type: 'char', string: 'Short Name', required: true, index: true },
      lot_stock_id: m2o('Location Stock', 'stock.location', { required: true }),
      view_location_id: m2o('View Location', 'stock.location', { required: true }),
      partner_id: m2o('Address', 'res.partner'),
      company_id: COMPANY,
      sequence: { type: 'integer', string: 'Sequence' },
      active: ACTIVE,
      create_date: CREATE_DATE,
      write_date: WRITE_DATE,
    },
  },
  'stock.location': {
    name: 'stock.location',
    description: 'Inventory Locations',
    order: 'complete_name, id',
    parentField: 'location_id',
    fields: {
      id: ID,
      display_name: DISPLAY_NAME,
      name: { type: 'char', string: 'Location Name', required: true },
      complete_name: { type: 'char', string: 'Full Location Name' },
      usage: {
        type: 'selection',
        string: 'Location Type',
        required: true,
        selection: [
          ['supplier', 'Vendor'],
          ['view', 'Virtual'],
          ['internal', 'Internal'],
          ['customer', 'Customer'],
          ['inventory', 'Inventory Loss'],
          ['production', 'Production'],
          ['transit', 'Transit'],
        ],
      },
      location_id: m2o('Parent Location', 'stock.location', { index: true }),
      warehouse_id: m2o('Warehouse', 'stock.warehouse', { readonly: true, compute: true }),
      company_id: COMPANY,
      active: ACTIVE,
      create_date: CREATE_DATE,
      write_date: WRITE_DATE,
    },
  },
  'stock.quant': {
    name: 'stock.quant',
    description: 'Quants',
    order: 'id',
    fields: {
      id: ID,
      display_name: DISPLAY_NAME,
      product_id: m2o('Product', 'product.product', { required: true, index: true }),
      product_tmpl_id: m2o('Product Template', 'product.template', { readonly: true, compute: true }),
      product_uom_id: m2o('Unit', 'uom.uom', { readonly: true, compute: true }),
      location_id: m2o('Location', 'stock.location', { required: true, index: true }),
      warehouse_id: m2o('Warehouse', 'stock.warehouse', { readonly: true, compute: true }),
      lot_id: m2o('Lot/Serial Number', 'stock.lot'),
      package_id: m2o('Package', 'stock.package'),
      owner_id: m2o('Owner', 'res.partner'),
      company_id: COMPANY,
      quantity: { type: 'float', string: 'Quantity', readonly: true },
      reserved_quantity: { type: 'float', string: 'Reserved Quantity', readonly: true },
      available_quantity: { type: 'float', string: 'Available Quantity', readonly: true, compute: true },
      in_date: { type: 'datetime', string: 'Incoming Date', readonly: true },
      create_date: CREATE_DATE,
      write_date: WRITE_DATE,
    },
  },
  'product.pricelist': {
    name: 'product.pricelist',
    description: 'Pricelist',
    order: 'sequence, id',
    fields: {
      id: ID,
      display_name: DISPLAY_NAME,
      name: { type: 'char', string: 'Pricelist Name', required: true },
      currency_id: CURRENCY,
      company_id: COMPANY,
      sequence: { type: 'integer', string: 'Sequence' },
      item_ids: {
        type: 'one2many',
        string: 'Pricelist Rules',
        relation: 'product.pricelist.item',
        inverseName: 'pricelist_id',
        compute: true,
      },
      active: ACTIVE,
      create_date: CREATE_DATE,
      write_date: WRITE_DATE,
    },
  },
  'product.pricelist.item': {
    name: 'product.pricelist.item',
    description: 'Pricelist Rule',
    order: 'applied_on, min_quantity desc, categ_id desc, id desc',
    fields: {
      id: ID,
      display_name: DISPLAY_NAME,
      pricelist_id: m2o('Pricelist', 'product.pricelist', { required: true, index: true }),
      applied_on: {
        type: 'selection',
        string: 'Apply On',
        required: true,
        selection: [
          ['3_global', 'All Products'],
          ['2_product_category', 'Product Category'],
          ['1_product', 'Product'],
          ['0_product_variant', 'Product Variant'],
        ],
      },
      product_tmpl_id: m2o('Product', 'product.template'),
      product_id: m2o('Variant', 'product.product', { index: true }),
      categ_id: m2o('Product Category', 'product.category'),
      compute_price: {
        type: 'selection',
        string: 'Price Type',
        required: true,
        selection: [
          ['percentage', 'Discount'],
          ['formula', 'Formula'],
          ['fixed', 'Fixed Price'],
        ],
      },
      fixed_price: { type: 'float', string: 'Fixed Price' },
      percent_price: { type: 'float', string: 'Percentage Price' },
      base: {
        type: 'selection',
        string: 'Based on',
        selection: [
          ['list_price', 'Sales Price'],
          ['standard_price', 'Cost'],
          ['pricelist', 'Other Pricelist'],
        ],
      },
      base_pricelist_id: m2o('Other Pricelist', 'product.pricelist'),
      // formula: price = base − base × price_discount %, rounded to price_round, + price_surcharge, within the margins
      price_discount: { type: 'float', string: 'Price Discount' },
      price_surcharge: { type: 'float', string: 'Extra Fee' },
      price_round: { type: 'float', string: 'Round off to' },
      price_min_margin: { type: 'float', string: 'Min. Price Margin' },
      price_max_margin: { type: 'float', string: 'Max. Price Margin' },
      min_quantity: { type: 'float', string: 'Min. Quantity' },
      date_start: { type: 'datetime', string: 'Start Date' },
      date_end: { type: 'datetime', string: 'End Date' },
      currency_id: { ...CURRENCY, readonly: true, compute: true },
      company_id: COMPANY,
      create_date: CREATE_DATE,
      write_date: WRITE_DATE,
    },
  },
  'res.partner': {
    name: 'res.partner',
    description: 'Contact',
    order: 'complete_name asc, id desc',
    writable: true,
    parentField: 'parent_id',
    fields: {
      id: ID,
      display_name: DISPLAY_NAME,
      complete_name: { type: 'char', string: 'Complete Name', readonly: true, compute: true },
      name: { type: 'char', string: 'Name', writable: true, index: true },
      type: {
        type: 'selection',
        string: 'Address Type',
        writable: true,
        selection: [
          ['contact', 'Contact'],
          ['invoice', 'Invoice'],
          ['delivery', 'Delivery'],
          ['other', 'Other'],
        ],
      },
      parent_id: m2o('Related Company', 'res.partner', { writable: true, index: true }),
      child_ids: { type: 'one2many', string: 'Contact', relation: 'res.partner', inverseName: 'parent_id', compute: true },
      commercial_partner_id: m2o('Commercial Entity', 'res.partner', { readonly: true, compute: true }),
      is_company: { type: 'boolean', string: 'Is a Company', writable: true },
      ref: { type: 'char', string: 'Reference', writable: true, index: true },
      vat: { type: 'char', string: 'Tax ID', writable: true, index: true },
      email: { type: 'char', string: 'Email', writable: true, index: true },
      phone: { type: 'char', string: 'Phone', writable: true },
      // phone_validation (installed with crm / sms): the phone in E.164 for the partner's country (Poland here), or
      // false when it is not a valid number; stored and indexed in Odoo, derived from `phone` here
      phone_sanitized: { type: 'char', string: 'Sanitized Number', readonly: true, compute: true },
      street: { type: 'char', string: 'Street', writable: true },
      street2: { type: 'char', string: 'Street2', writable: true },
      zip: { type: 'char', string: 'Zip', writable: true },
      city: { type: 'char', string: 'City', writable: true },
      country_id: m2o('Country', 'res.country', { writable: true }),
      partner_latitude: { type: 'float', string: 'Geo Latitude', writable: true },
      partner_longitude: { type: 'float', string: 'Geo Longitude', writable: true },
      comment: { type: 'html', string: 'Notes', writable: true },
      lang: {
        type: 'selection',
        string: 'Language',
        writable: true,
        selection: [
          ['en_US', 'English (US)'],
          ['pl_PL', 'Polish / Język polski'],
        ],
      },
      property_product_pricelist: m2o('Pricelist', 'product.pricelist', { writable: true }),
      company_id: COMPANY,
      active: { ...ACTIVE, writable: true },
      create_date: CREATE_DATE,
      write_date: WRITE_DATE,
    },
  },
  'sale.order': {
    name: 'sale.order',
    description: 'Sales Order',
    order: 'date_order desc, id desc',
    writable: true,
    fields: {
      id: ID,
      display_name: DISPLAY_NAME,
      name: { type: 'char', string: 'Order Reference', required: true, readonly: true, index: true },
      state: {
        type: 'selection',
        string: 'Status',
        readonly: true,
        selection: [
          ['draft', 'Quotation'],
          ['sent', 'Quotation Sent'],
          ['sale', 'Sales Order'],
          ['cancel', 'Cancelled'],
        ],
      },
      partner_id: m2o('Customer', 'res.partner', { required: true, writable: true, index: true }),
      partner_invoice_id: m2o('Invoice Address', 'res.partner', { writable: true }),
      partner_shipping_id: m2o('Delivery Address', 'res.partner', { writable: true }),
      date_order: { type: 'datetime', string: 'Order Date', required: true, writable: true },
      client_order_ref: { type: 'char', string: 'Customer Reference', writable: true, index: true },
      origin: { type: 'char', string: 'Source Document', writable: true, index: true },
      pricelist_id: m2o('Pricelist', 'product.pricelist', { writable: true }),
      currency_id: { ...CURRENCY, readonly: true },
      company_id: COMPANY,
      user_id: m2o('Salesperson', 'res.users', { writable: true }),
      warehouse_id: m2o('Warehouse', 'stock.warehouse', { writable: true }),
      order_line: {
        type: 'one2many',
        string: 'Order Lines',
        relation: 'sale.order.line',
        inverseName: 'order_id',
        writable: true,
        compute: true,
      },
      amount_untaxed: { type: 'monetary', string: 'Untaxed Amount', readonly: true },
      amount_tax: { type: 'monetary', string: 'Taxes', readonly: true },
      amount_total: { type: 'monetary', string: 'Total', readonly: true },
      note: { type: 'html', string: 'Terms and conditions', writable: true },
      // delivery / stock_delivery
      carrier_id: m2o('Delivery Method', 'delivery.carrier', { writable: true }),
      // sale_stock: the order's transfers (stock.picking.sale_id)
      picking_ids: { type: 'one2many', string: 'Transfers', relation: 'stock.picking', inverseName: 'sale_id', compute: true },
      commitment_date: { type: 'datetime', string: 'Delivery Date', writable: true },
      create_date: CREATE_DATE,
      write_date: WRITE_DATE,
    },
  },
  'sale.order.line': {
    name: 'sale.order.line',
    description: 'Sales Order Line',
    order: 'order_id, sequence, id',
    fields: {
      id: ID,
      display_name: DISPLAY_NAME,
      order_id: m2o('Order Reference', 'sale.order', { required: true, index: true }),
      sequence: { type: 'integer', string: 'Sequence' },
      product_id: m2o('Product', 'product.product', { index: true }),
      name: { type: 'text', string: 'Description', required: true },
      product_uom_qty: { type: 'float', string: 'Quantity' },
      product_uom_id: m2o('Unit', 'uom.uom'),
      price_unit: { type: 'float', string: 'Unit Price' },
      discount: { type: 'float', string: 'Discount (%)' },
      tax_ids: { type: 'many2many', string: 'Taxes', relation: 'account.tax' },
      price_subtotal: { type: 'monetary', string: 'Subtotal', readonly: true },
      price_tax: { type: 'float', string: 'Total Tax', readonly: true },
      price_total: { type: 'monetary', string: 'Total', readonly: true },
      qty_delivered: { type: 'float', string: 'Delivery Quantity' },
      qty_invoiced: { type: 'float', string: 'Invoiced Quantity', readonly: true },
      currency_id: { ...CURRENCY, readonly: true, compute: true },
      state: {
        type: 'selection',
        string: 'Order Status',
        readonly: true,
        compute: true,
        selection: [
          ['draft', 'Quotation'],
          ['sent', 'Quotation Sent'],
          ['sale', 'Sales Order'],
          ['cancel', 'Cancelled'],
        ],
      },
      display_type: {
        type: 'selection',
        string: 'Display Type',
        selection: [
          ['line_section', 'Section'],
          ['line_subsection', 'Subsection'],
          ['line_note', 'Note'],
        ],
      },
      company_id: COMPANY,
      create_date: CREATE_DATE,
      write_date: WRITE_DATE,
    },
  },
  'delivery.carrier': {
    name: 'delivery.carrier',
    description: 'Shipping Methods',
    order: 'sequence, id',
    fields: {
      id: ID,
      display_name: DISPLAY_NAME,
      name: { type: 'char', string: 'Delivery Method', required: true },
      delivery_type: {
        type: 'selection',
        string: 'Provider',
        required: true,
        selection: [
          ['base_on_rule', 'Based on Rules'],
          ['fixed', 'Fixed Price'],
        ],
      },
      sequence: { type: 'integer', string: 'Sequence' },
      active: ACTIVE,
      company_id: COMPANY,
      create_date: CREATE_DATE,
      write_date: WRITE_DATE,
    },
  },
  'stock.picking': {
    name: 'stock.picking',
    description: 'Transfer',
    order: 'priority desc, scheduled_date asc, id desc',
    fields: {
      id: ID,
      display_name: DISPLAY_NAME,
      name: { type: 'char', string: 'Reference', index: true },
      origin: { type: 'char', string: 'Source Document', index: true },
      partner_id: m2o('Contact', 'res.partner', { index: true }),
      state: {
        type: 'selection',
        string: 'Status',
        readonly: true,
        selection: [
          ['draft', 'Draft'],
          ['waiting', 'Waiting Another Operation'],
          ['confirmed', 'Waiting'],
          ['assigned', 'Ready'],
          ['done', 'Done'],
          ['cancel', 'Cancelled'],
        ],
      },
      priority: {
        type: 'selection',
        string: 'Priority',
        selection: [
          ['0', 'Normal'],
          ['1', 'Urgent'],
        ],
      },
      picking_type_id: m2o('Operation Type', 'stock.picking.type', { index: true }),
      // related picking_type_id.code in Odoo; stored here, copied from the type when a picking is created
      picking_type_code: {
        type: 'selection',
        string: 'Type of Operation',
        readonly: true,
        selection: [
          ['incoming', 'Receipt'],
          ['outgoing', 'Delivery'],
          ['internal', 'Internal Transfer'],
        ],
      },
      location_id: m2o('Source Location', 'stock.location'),
      location_dest_id: m2o('Destination Location', 'stock.location'),
      scheduled_date: { type: 'datetime', string: 'Scheduled Date' },
      date_done: { type: 'datetime', string: 'Date of Transfer', readonly: true },
      move_ids: { type: 'one2many', string: 'Stock Moves', relation: 'stock.move', inverseName: 'picking_id', compute: true },
      note: { type: 'html', string: 'Notes' },
      // sale_stock
      sale_id: m2o('Sales Order', 'sale.order', { index: true }),
      // stock_delivery (delivery before 17.0)
      carrier_id: m2o('Carrier', 'delivery.carrier'),
      carrier_tracking_ref: { type: 'char', string: 'Tracking Reference', index: true },
      company_id: COMPANY,
      create_date: CREATE_DATE,
      write_date: WRITE_DATE,
    },
  },
  'stock.picking.type': {
    name: 'stock.picking.type',
    description: 'Picking Type',
    order: 'is_favorite desc, sequence, id',
    fields: {
      id: ID,
      display_name: DISPLAY_NAME,
      name: { type: 'char', string: 'Operation Type', required: true },
      code: {
        type: 'selection',
        string: 'Type of Operation',
        required: true,
        selection: [
          ['incoming', 'Receipt'],
          ['outgoing', 'Delivery'],
          ['internal', 'Internal Transfer'],
        ],
      },
      sequence_code: { type: 'char', string: 'Sequence Prefix', required: true },
      sequence: { type: 'integer', string: 'Sequence' },
      is_favorite: { type: 'boolean', string: 'Show Operation in Overview' },
      warehouse_id: m2o('Warehouse', 'stock.warehouse', { index: true }),
      default_location_src_id: m2o('Default Source Location', 'stock.location', { required: true }),
      default_location_dest_id: m2o('Default Destination Location', 'stock.location', { required: true }),
      company_id: COMPANY,
      active: ACTIVE,
      create_date: CREATE_DATE,
      write_date: WRITE_DATE,
    },
  },
  'stock.move': {
    name: 'stock.move',
    description: 'Stock Move',
    order: 'sequence, id',
    fields: {
      id: ID,
      display_name: DISPLAY_NAME,
      name: { type: 'char', string: 'Description' },
      sequence: { type: 'integer', string: 'Sequence' },
      reference: { type: 'char', string: 'Reference', readonly: true },
      origin: { type: 'char', string: 'Source Document' },
      product_id: m2o('Product', 'product.product', { required: true, index: true }),
      // Odoo 17+: the demand, and `quantity` (reserved, then picked/done; `quantity_done` before 17)
      product_uom_qty: { type: 'float', string: 'Demand' },
      quantity: { type: 'float', string: 'Quantity' },
      picked: { type: 'boolean', string: 'Picked' },
      product_uom: m2o('UoM', 'uom.uom'),
      location_id: m2o('Source Location', 'stock.location', { required: true }),
      location_dest_id: m2o('Destination Location', 'stock.location', { required: true }),
      picking_id: m2o('Transfer', 'stock.picking', { index: true }),
      picking_type_id: m2o('Operation Type', 'stock.picking.type'),
      partner_id: m2o('Destination Address', 'res.partner'),
      sale_line_id: m2o('Sale Line', 'sale.order.line', { index: true }),
      state: {
        type: 'selection',
        string: 'Status',
        readonly: true,
        selection: [
          ['draft', 'New'],
          ['waiting', 'Waiting Another Move'],
          ['confirmed', 'Waiting Availability'],
          ['partially_available', 'Partially Available'],
          ['assigned', 'Available'],
          ['done', 'Done'],
          ['cancel', 'Cancelled'],
        ],
      },
      date: { type: 'datetime', string: 'Date Scheduled' },
      company_id: COMPANY,
      create_date: CREATE_DATE,
      write_date: WRITE_DATE,
    },
  },
};

/** Models that exist in a real Odoo 19 with sales and inventory but that the simulator does not serve. */
export const UNSERVED_MODELS: ReadonlySet<string> = new Set(['stock.lot', 'stock.package', 'stock.move.line']);

export const MODEL_NAMES: readonly string[] = Object.keys(MODELS);

/** Methods every model answers. */
export const READ_METHODS = ['search_read', 'search', 'search_count', 'read', 'fields_get', 'name_search'] as const;

/**
 * Methods real Odoo models have that the simulated bot user may not run on read-only models: Odoo answers them with
 * an AccessError for a user without the write groups, so the simulator does too (the operation word for the message).
 */
export const WRITE_METHODS: Readonly<Record<string, string>> = {
  create: 'create',
  write: 'modify',
  unlink: 'delete',
  copy: 'create',
};
