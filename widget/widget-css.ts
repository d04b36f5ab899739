/**
 * The widget's own style, set in its shadow root. A module of its own so that Kaiku's widget test
 * page (src/pages/share-hub.ts) can allow exactly this <style> in its Content-Security-Policy by hash.
 * The organisation's brand colour (src/orgs/theme.ts) comes in as the custom property --brand, set
 * through the CSSOM, so this text, and its hash, stay the same for every organisation.
 */
export const widgetCss = `:host{all:initial!important;position:fixed!important;z-index:2147483647!important;right:16px!important;bottom:16px!important;display:block!important;visibility:visible!important;opacity:1!important}
.box{box-sizing:border-box;width:min(360px,calc(100vw - 32px));background:#fff;color:#1b1b1b;font:16px/1.4 system-ui,sans-serif;border:1px solid #5c5c5c;border-radius:8px;padding:16px;box-shadow:0 4px 16px rgba(0,0,0,.25)}
h2{font-size:17px;margin:0 32px 8px 0}.label{margin:0 0 8px;font-weight:600}
.scale{display:flex;flex-wrap:wrap;gap:4px}.score{min-width:44px;min-height:44px;flex:1 0 auto}
button{font:inherit;color:#fff;background:var(--brand,#0b4f9c);border:2px solid var(--brand,#0b4f9c);border-radius:4px;cursor:pointer;padding:4px 8px}
button:focus-visible,textarea:focus-visible{outline:3px solid #1b1b1b;outline-offset:2px}
.close{position:absolute;top:8px;right:8px;background:#fff;color:#1b1b1b;border-color:#5c5c5c;min-width:44px;min-height:44px}
textarea{box-sizing:border-box;width:100%;font:inherit;border:2px solid #5c5c5c;border-radius:4px;padding:6px}
.ends,.note{font-size:14px;color:#4a4a4a;margin:6px 0}.send{margin-top:8px;min-height:44px}
.contact{border:0;margin:0;padding:0}.contact legend{font-weight:600;padding:0;margin-bottom:6px}.consent{display:flex;gap:8px;align-items:center;min-height:44px}
.consent input{width:24px;height:24px;flex:none}.contact input[type=email],.contact input[type=tel]{box-sizing:border-box;width:100%;min-height:44px;font:inherit;border:2px solid #5c5c5c;border-radius:4px;padding:6px;margin-bottom:4px}
input:focus-visible{outline:3px solid #1b1b1b;outline-offset:2px}
.logo{display:block;max-width:160px;max-height:40px;width:auto;height:auto;margin:0 48px 8px 0}`;
