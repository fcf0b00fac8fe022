/**
 * The public pages' (verification and the registry) one stylesheet and one script (issue 14), served by the Worker
 * beside the server-made HTML: no SvelteKit runtime (over the page's 30 KB budget alone), nothing
 * inline (the CSP allows only these files), and the page works without the script (the form is a
 * plain GET). The script adds the camera scan (`BarcodeDetector`, where the browser has it) and the
 * offline-style check of the QR's signed payload against the published JWKS. The payload format it
 * reads is `packages/domain/src/certificates/payload.ts`'s; keep the two in step (the Worker test
 * verifies a real payload with this script's own rules).
 */

export const VERIFY_CSS = `*{box-sizing:border-box}body{margin:0;font:16px/1.5 system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;color:#1a1a1f;background:#f6f7f9}
main{max-width:36rem;margin:0 auto;padding:1rem}h1{font-size:1.25rem;margin:.5rem 0 1rem}
.card{background:#fff;border:1px solid #d8dbe0;border-radius:.5rem;padding:1rem;margin:0 0 1rem}
.status{font-size:2rem;font-weight:700;margin:.25rem 0}.ok{color:#0b6b2f}.warn{color:#8a5a00}.bad{color:#a40e26}
dl{display:grid;grid-template-columns:auto 1fr;gap:.25rem .75rem;margin:0}dt{color:#555}dd{margin:0;font-weight:600;overflow-wrap:anywhere}
.en{color:#666;font-size:.875rem}label{display:block;font-weight:600;margin-bottom:.25rem}
input{width:100%;font:inherit;padding:.6rem;border:1px solid #888;border-radius:.375rem}
button{font:inherit;padding:.6rem 1rem;border:0;border-radius:.375rem;background:#0d5473;color:#fff;margin-top:.5rem}
button:focus,input:focus{outline:3px solid #f0b429;outline-offset:1px}video{width:100%;max-height:50vh;background:#000}
[hidden]{display:none}footer{font-size:.8rem;color:#555}a{color:#0d5473}
select{width:100%;font:inherit;padding:.55rem;border:1px solid #888;border-radius:.375rem;background:#fff}select:focus{outline:3px solid #f0b429}
.grid{display:grid;gap:.5rem .75rem}@media(min-width:40rem){.grid{grid-template-columns:1fr 1fr}}
.list{list-style:none;padding:0;margin:0}.list li{border-top:1px solid #e3e5e9;padding:.6rem 0}.list li:first-child{border-top:0}
.name{font-weight:700}.muted{color:#555;font-size:.875rem}.tag{font-weight:700}
button .en,.btn .en{color:#d7e5ee}.nav{display:flex;flex-wrap:wrap;justify-content:space-between;gap:.5rem}.nav:empty{display:none}.btn{display:inline-block;padding:.6rem 1rem;border-radius:.375rem;background:#0d5473;color:#fff;text-decoration:none}`;

export const VERIFY_JS = `(()=>{"use strict";
const $=(s)=>document.querySelector(s);
const form=$("#f");
if(form)form.addEventListener("submit",(e)=>{const n=$("#n").value.trim();if(!n)return;e.preventDefault();location.href="/verifikasi/"+n.split("/").map(encodeURIComponent).join("/")});
const prov=$("#prov");
if(prov)prov.addEventListener("change",()=>{const k=$("#kk");if(k)k.value="";prov.form.submit()});
const scan=$("#scan");
if(scan&&"BarcodeDetector"in window&&navigator.mediaDevices){scan.hidden=false;scan.addEventListener("click",async()=>{
const v=$("#cam");v.hidden=false;let stream;try{stream=await navigator.mediaDevices.getUserMedia({video:{facingMode:"environment"}})}catch{$("#scanmsg").textContent="Kamera tidak dapat dibuka / The camera could not be opened";return}
v.srcObject=stream;await v.play();const d=new BarcodeDetector({formats:["qr_code"]});
const tick=async()=>{try{const r=await d.detect(v);if(r.length){stream.getTracks().forEach((t)=>t.stop());const t=r[0].rawValue;
if(t.startsWith(location.origin+"/verifikasi/"))location.href=t;else $("#scanmsg").textContent="Kode QR ini bukan sertifikat Akrab / This QR code is not an Akrab certificate";return}}catch{}setTimeout(tick,300)};tick()})}
const box=$("#offline");const hash=location.hash.slice(1);
if(!box||!hash)return;box.hidden=false;const out=$("#offmsg");
const b64=(s)=>{if(!/^[A-Za-z0-9_-]*$/.test(s))return null;const t=atob(s.replace(/-/g,"+").replace(/_/g,"/")+"===".slice((s.length+3)%4));return Uint8Array.from(t,(c)=>c.charCodeAt(0))};
const say=(ok,id,en)=>{out.className=ok?"ok":"bad";out.textContent=id+" / "+en};
(async()=>{try{
const p=hash.split(".");const body=p.length===2&&b64(p[0]);const sig=p.length===2&&b64(p[1]);
if(!body||!sig||sig.length!==64)return say(false,"Kode QR tidak asli (rusak atau terpotong)","The QR code is not genuine (damaged or cut short)");
const text=new TextDecoder("utf-8",{fatal:true,ignoreBOM:true}).decode(body);const f=text.split("|");
if(f.length!==7||f[0]!=="AK1")return say(false,"Kode QR tidak asli","The QR code is not genuine");
const keys=(await (await fetch("/.well-known/jwks.json")).json()).keys;const jwk=keys.find((k)=>k.kid===f[1]);
if(!jwk)return say(false,"Kode QR tidak asli: kunci tidak dikenal","The QR code is not genuine: unknown key");
if(!crypto.subtle)return say(false,"Peramban ini tidak dapat memeriksa tanda tangan","This browser cannot check the signature");
const key=await crypto.subtle.importKey("jwk",{kty:"OKP",crv:"Ed25519",x:jwk.x},"Ed25519",false,["verify"]);
if(!(await crypto.subtle.verify("Ed25519",key,sig,body)))return say(false,"Kode QR tidak asli: tanda tangan tidak cocok","The QR code is not genuine: the signature does not match");
const r=$("#result");const same=!r||(r.dataset.number===f[2]&&r.dataset.grade===f[4]&&r.dataset.from===f[5]&&r.dataset.until===f[6]);
if(!same)return say(false,"Kode QR bertanda tangan asli, tetapi isinya berbeda dari data sertifikat ini","The QR is signed, but its content differs from this certificate's record");
say(true,"Tanda tangan QR asli: "+f[2]+", "+f[3]+", peringkat "+f[4]+", berlaku "+f[5]+" s.d. "+f[6]+". Pemeriksaan ini tidak dapat mengetahui pembekuan atau pencabutan: lihat status langsung di atas",
"The QR signature is genuine: "+f[2]+", "+f[3]+", grade "+f[4]+", valid "+f[5]+" to "+f[6]+". This check cannot know of a suspension or revocation: see the live status above")
}catch{say(false,"Kode QR tidak dapat diperiksa","The QR code could not be checked")}})()})();`;
