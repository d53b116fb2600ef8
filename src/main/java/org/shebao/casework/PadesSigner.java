package org.shebao.casework;

import java.io.IOException;
import java.io.InputStream;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.PrivateKey;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Map;
import org.apache.pdfbox.pdmodel.interactive.digitalsignature.SignatureInterface;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.DERSet;
import org.bouncycastle.asn1.cms.Attribute;
import org.bouncycastle.asn1.cms.AttributeTable;
import org.bouncycastle.asn1.cms.CMSAttributes;
import org.bouncycastle.asn1.ess.ESSCertIDv2;
import org.bouncycastle.asn1.ess.SigningCertificateV2;
import org.bouncycastle.asn1.nist.NISTObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.IssuerSerial;
import org.bouncycastle.cert.jcajce.JcaCertStore;
import org.bouncycastle.cert.jcajce.JcaX509CertificateHolder;
import org.bouncycastle.cms.CMSException;
import org.bouncycastle.cms.CMSProcessableByteArray;
import org.bouncycastle.cms.CMSSignedDataGenerator;
import org.bouncycastle.cms.DefaultSignedAttributeTableGenerator;
import org.bouncycastle.cms.jcajce.JcaSignerInfoGeneratorBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;
import org.bouncycastle.operator.jcajce.JcaDigestCalculatorProviderBuilder;

/**
 * The CMS signature of a PDF (PAdES baseline B, ETSI.CAdES.detached): SHA-256 with RSA over the signed byte ranges,
 * the signer's certificate bound by the ESS signing-certificate-v2 attribute, the certificate chain included, and
 * no signing-time attribute (PAdES takes the time from the signature dictionary's /M).
 */
class PadesSigner implements SignatureInterface {
    private final PrivateKey key;
    private final List<X509Certificate> chain;

    PadesSigner(PrivateKey key, List<X509Certificate> chain) {
        this.key = key;
        this.chain = chain;
    }

    @Override
    public byte[] sign(InputStream content) throws IOException {
        try {
            X509Certificate cert = chain.get(0);
            JcaX509CertificateHolder holder = new JcaX509CertificateHolder(cert);
            byte[] certHash = MessageDigest.getInstance("SHA-256").digest(cert.getEncoded());
            ESSCertIDv2 id = new ESSCertIDv2(new AlgorithmIdentifier(NISTObjectIdentifiers.id_sha256), certHash,
                    new IssuerSerial(new GeneralNames(new GeneralName(holder.getIssuer())), holder.getSerialNumber()));
            ASN1EncodableVector attrs = new ASN1EncodableVector();
            attrs.add(new Attribute(PKCSObjectIdentifiers.id_aa_signingCertificateV2,
                    new DERSet(new SigningCertificateV2(new ESSCertIDv2[] {id}))));
            DefaultSignedAttributeTableGenerator signed = new DefaultSignedAttributeTableGenerator(new AttributeTable(attrs)) {
                @Override
                @SuppressWarnings("rawtypes")
                public AttributeTable getAttributes(Map parameters) {
                    return super.getAttributes(parameters).remove(CMSAttributes.signingTime);
                }
            };
            CMSSignedDataGenerator gen = new CMSSignedDataGenerator();
            gen.addSignerInfoGenerator(new JcaSignerInfoGeneratorBuilder(new JcaDigestCalculatorProviderBuilder().build())
                    .setSignedAttributeGenerator(signed)
                    .build(new JcaContentSignerBuilder("SHA256withRSA").build(key), cert));
            gen.addCertificates(new JcaCertStore(chain));
            return gen.generate(new CMSProcessableByteArray(content.readAllBytes()), false).getEncoded();
        } catch (GeneralSecurityException | OperatorCreationException | CMSException e) {
            throw new IOException("the PDF signature could not be made: " + e.getMessage(), e);
        }
    }
}
