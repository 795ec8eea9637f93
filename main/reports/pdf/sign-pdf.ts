// The PDF signature: a signature field and a /Contents placeholder appended as an incremental update, then a
// CMS (adbe.pkcs7.detached) signature over every byte except the placeholder, with the RSA key from PKCS#12.
import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { P12Signer } from '@signpdf/signer-p12';
import { SignPdf } from '@signpdf/signpdf';

export async function signPdf(pdf: Buffer, p12: Buffer, passphrase: string, signingTime: Date, reportId: string): Promise<Buffer> {
  const withPlaceholder = plainAddPlaceholder({
    pdfBuffer: pdf, reason: `Assay report ${reportId}`, contactInfo: 'see the appendix', name: 'Assay report signer',
    location: 'offline', signingTime, signatureLength: 8192, appName: 'Assay',
  });
  return new SignPdf().sign(withPlaceholder, new P12Signer(p12, { passphrase }), signingTime);
}
