import { test } from 'node:test';
import assert from 'node:assert/strict';
import { extractedUriOf, isExtractedKind, isExtractedUri, sourceUriOf } from '../../server/src/lsp/extracted';

test('extracted URIs map to and from file URIs, path kept byte for byte', () => {
  const file = 'file:///home/a/%E5%B9%B4%E6%8A%A5%202023.docx';
  const extracted = extractedUriOf(file);
  assert.equal(extracted, 'govreport-extracted:///home/a/%E5%B9%B4%E6%8A%A5%202023.docx');
  assert.ok(isExtractedUri(extracted!));
  assert.equal(sourceUriOf(extracted!), file);
  assert.equal(extractedUriOf('untitled:Untitled-1'), undefined);
  assert.equal(sourceUriOf(file), undefined);
  assert.equal(isExtractedUri(file), false);
});

test('which files are read by extraction', () => {
  assert.ok(isExtractedKind('file:///a/b.DOCX'));
  assert.ok(isExtractedKind('file:///a/b.pdf'));
  assert.ok(isExtractedKind('file:///a/b.htm?x=1'));
  assert.equal(isExtractedKind('file:///a/b.txt'), false);
  assert.equal(isExtractedKind('file:///a/b.docx.txt'), false);
});
