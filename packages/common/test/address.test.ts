import { checkSubdivision, subdivisionCode } from '../src/address';

const codes = (address: { countryCode: string; province?: string | null; zip: string }) =>
  checkSubdivision(address, ['address']).map((e) => [e.code, e.field?.join('.')]);

describe('address subdivisions', () => {
  it('When a US or Canadian province is an ISO 3166-2 code in any case, with or without its country, then it names the subdivision', () => {
    expect(subdivisionCode('US', 'ca')).toBe('CA');
    expect(subdivisionCode('US', ' US-TX ')).toBe('TX');
    expect(subdivisionCode('US', 'PR')).toBe('PR');
    expect(subdivisionCode('CA', 'CA-QC')).toBe('QC');
    expect(subdivisionCode('US', 'ZZ')).toBeNull();
    expect(subdivisionCode('US', 'ON')).toBeNull();
    expect(subdivisionCode('US', 'California')).toBeNull();
    expect(subdivisionCode('US', null)).toBeNull();
  });

  it('When the state is missing or unknown, or the ZIP code lies in another state, then INVALID_ADDRESS names the field', () => {
    expect(codes({ countryCode: 'US', province: 'CA', zip: '94105' })).toEqual([]);
    expect(codes({ countryCode: 'US', province: 'NY', zip: '10001-1234' })).toEqual([]);
    expect(codes({ countryCode: 'US', province: 'DC', zip: '20500' })).toEqual([]);
    expect(codes({ countryCode: 'US', province: 'AK', zip: '99501' })).toEqual([]);
    expect(codes({ countryCode: 'US', province: null, zip: '94105' })).toEqual([
      ['INVALID_ADDRESS', 'address.province'],
    ]);
    expect(codes({ countryCode: 'US', province: 'XX', zip: '94105' })).toEqual([
      ['INVALID_ADDRESS', 'address.province'],
    ]);
    expect(codes({ countryCode: 'US', province: 'TX', zip: '94105' })).toEqual([
      ['INVALID_ADDRESS', 'address.zip'],
    ]);
    expect(codes({ countryCode: 'US', province: 'TX', zip: '7330' })).toEqual([
      ['INVALID_ADDRESS', 'address.zip'],
    ]);
    expect(codes({ countryCode: 'US', province: 'NJ', zip: '00000' })).toEqual([
      ['INVALID_ADDRESS', 'address.zip'],
    ]);
    expect(codes({ countryCode: 'CA', province: 'ON', zip: 'M5V 2T6' })).toEqual([]);
    expect(codes({ countryCode: 'CA', province: 'TX', zip: 'M5V 2T6' })).toEqual([
      ['INVALID_ADDRESS', 'address.province'],
    ]);
  });

  it('When the country is not taxed per subdivision, then its province stays free text', () => {
    expect(codes({ countryCode: 'DE', province: 'Bayern', zip: '80331' })).toEqual([]);
    expect(codes({ countryCode: 'GB', province: null, zip: 'SW1A 1AA' })).toEqual([]);
  });
});
