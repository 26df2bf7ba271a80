import { describe, expect, it } from 'vitest';
import { WcProductDto } from './woocommerce-dtos.ts';
import { mergeParentContent } from '../../listing-content.ts';
import { mapWcProductDtoToEshopListing } from './woocommerce-mappers.ts';

/** A product of the WooCommerce REST v3 products schema (woocommerce.github.io/woocommerce-rest-api-docs, "Product properties"). */
function product(overrides: Record<string, unknown> = {}) {
  return WcProductDto.parse({
    id: 812,
    name: 'Czajnik elektryczny 1,7 l',
    permalink: 'https://sklep.example.pl/produkt/czajnik/',
    status: 'publish',
    sku: 'SKU-KET-17',
    price: '199.00',
    regular_price: '199.00',
    sale_price: '',
    on_sale: false,
    stock_quantity: 4,
    stock_status: 'instock',
    type: 'simple',
    parent_id: 0,
    description: '<p>Czajnik <strong>1,7 l</strong> ze stali.</p>\n',
    short_description: '<p>Czajnik.</p>',
    images: [
      { id: 901, src: 'https://sklep.example.pl/wp-content/uploads/2025/03/czajnik.jpg', name: 'czajnik', alt: 'Czajnik' },
      { id: 902, src: 'https://sklep.example.pl/wp-content/uploads/2025/03/czajnik-2.jpg', name: 'czajnik-2', alt: '' },
    ],
    categories: [{ id: 15, name: 'AGD drobne', slug: 'agd-drobne' }],
    ...overrides,
  });
}
const listingOf = (dto: WcProductDto) => mapWcProductDtoToEshopListing(dto, 'PLN', '2026-11-01T00:00:00.000Z')!;

describe('WooCommerce listing content', () => {
  it('keeps the HTML as stored, main image first, empty alt as null, category names', () => {
    expect(listingOf(product())).toMatchObject({
      description: '<p>Czajnik <strong>1,7 l</strong> ze stali.</p>\n',
      shortDescription: '<p>Czajnik.</p>',
      images: [
        { url: 'https://sklep.example.pl/wp-content/uploads/2025/03/czajnik.jpg', alt: 'Czajnik' },
        { url: 'https://sklep.example.pl/wp-content/uploads/2025/03/czajnik-2.jpg', alt: null },
      ],
      categories: ['AGD drobne'],
      parentProductId: null,
    });
  });

  it('reads empty texts as null and drops the id-0 placeholder image older WooCommerce answers', () => {
    const bare = listingOf(
      product({
        description: '',
        short_description: '  ',
        images: [{ id: 0, src: 'https://sklep.example.pl/wp-content/uploads/woocommerce-placeholder.png', alt: 'Placeholder' }],
      }),
    );
    expect(bare).toMatchObject({ description: null, shortDescription: null, images: [] });
  });

  it('parses a product answered without content fields (`_fields`, old shop) as empty content', () => {
    const { description, short_description, images, categories, type, parent_id, ...core } = product();
    void [description, short_description, images, categories, type, parent_id];
    expect(listingOf(WcProductDto.parse(core))).toMatchObject({ description: null, images: [], categories: [], parentProductId: null });
  });

  it("completes a variation from its parent: own description else the parent's, own image then the parent's gallery", () => {
    const variation = listingOf(
      product({
        id: 815,
        type: 'variation',
        parent_id: 812,
        sku: 'SKU-KET-17-RED',
        description: '',
        short_description: '',
        categories: [],
        images: [{ id: 905, src: 'https://sklep.example.pl/wp-content/uploads/2025/03/czajnik-czerwony.jpg', alt: 'Czerwony' }],
      }),
    );
    expect(variation.parentProductId).toBe('812');
    const merged = mergeParentContent(variation, listingOf(product()));
    expect(merged).toMatchObject({
      description: '<p>Czajnik <strong>1,7 l</strong> ze stali.</p>\n',
      shortDescription: '<p>Czajnik.</p>',
      categories: ['AGD drobne'],
    });
    expect(merged.images.map((i) => i.alt)).toEqual(['Czerwony', 'Czajnik', null]);
    const own = mergeParentContent({ ...variation, description: '<p>Czerwony wariant.</p>' }, listingOf(product()));
    expect(own.description).toBe('<p>Czerwony wariant.</p>');
  });
});
