import { expect } from '@open-wc/testing';
import { sniffType } from '../../src/core/attach/sniff.js';

const bytes = (...values: (number | string)[]) =>
  new Uint8Array(values.flatMap((v) => (typeof v === 'string' ? [...v].map((c) => c.charCodeAt(0)) : [v])));

describe('sniffType', () => {
  it('recognises images and PDFs by their magic bytes', () => {
    expect(sniffType(bytes(0xff, 0xd8, 0xff, 0xe0))).to.equal('image/jpeg');
    expect(sniffType(bytes(0x89, 'PNG', 0x0d, 0x0a, 0x1a, 0x0a))).to.equal('image/png');
    expect(sniffType(bytes('%PDF-1.7'))).to.equal('application/pdf');
    expect(sniffType(bytes(0, 0, 0, 0x18, 'ftypheic'))).to.equal('image/heic');
    expect(sniffType(bytes('RIFF', 0, 0, 0, 0, 'WEBP'))).to.equal('image/webp');
  });
  it('catches programs and SVG whatever their name says', () => {
    expect(sniffType(bytes('MZ', 0x90, 0))).to.equal('application/x-executable');
    expect(sniffType(bytes(0x7f, 'ELF'))).to.equal('application/x-executable');
    expect(sniffType(bytes('  <svg xmlns="http://www.w3.org/2000/svg"><script>'))).to.equal('image/svg+xml');
    expect(sniffType(bytes('hello'))).to.equal('unknown');
  });
});
