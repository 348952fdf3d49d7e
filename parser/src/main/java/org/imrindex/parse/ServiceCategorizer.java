package org.imrindex.parse;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Pattern;
import org.imrindex.lexicon.DrugLexicon;
import org.imrindex.model.ServiceCategory;

/**
 * Assigns a service category to a disputed item from its wording. Rules are tried in order, so an
 * "ultrasound-guided injection" is an injection and "post-operative physical therapy" physical
 * medicine; a drug named in the lexicon or a dosage makes an item pharmaceutical.
 */
final class ServiceCategorizer {

  private static final List<Map.Entry<ServiceCategory, Pattern>> RULES = List.of(
      rule(ServiceCategory.PROGRAM, "functional restoration|\\bfrp\\b|work hardening|work conditioning|multidisciplinary|"
          + "interdisciplinary|pain (?:management )?program|detox(?:ification)?|weight loss program|rehabilitation program|\\bhelp program"),
      rule(ServiceCategory.HOME_HEALTH, "home health|home care|home (?:attendant|aide|assistance|nursing)|in-home|caregiver|"
          + "nursing care|housekeeping|home help|personal care"),
      rule(ServiceCategory.BEHAVIORAL_HEALTH, "psycholog|psychiatr|psychotherap|cognitive behav|\\bcbt\\b|biofeedback|"
          + "counsel|mental health|behavioral|hypnotherapy|relaxation training"),
      rule(ServiceCategory.INJECTION, "inject|\\besi\\b|epidural|nerve block|facet block|\\bblocks?\\b|radiofrequency|"
          + "rhizotomy|ablation|trigger point|botox|botulinum|\\bprp\\b|platelet|viscosupplement|synvisc|orthovisc|"
          + "supartz|euflexxa|hyaluron|\\bshots?\\b|medial branch|\\bim\\b"),
      rule(ServiceCategory.DIAGNOSTIC_IMAGING, "\\bmri\\b|\\bmra\\b|magnetic resonance|\\bct\\b|cat scan|computed tomography|"
          + "x-?rays?|radiograph|ultrasound(?! unit)|sonogra|bone scan|\\bpet\\b|myelogra|arthrogra|imaging|fluoroscop|\\bdexa\\b|discogra"),
      rule(ServiceCategory.DIAGNOSTIC_TEST, "\\bemg\\b|\\bncv\\b|\\bncs\\b|nerve conduction|electromyogra|drug screen|drug test|"
          + "urine|\\buds\\b|toxicology|laborator|\\blabs?\\b|blood (?:test|work|draw)|\\bcbc\\b|metabolic panel|genetic|\\bdna\\b|"
          + "sleep study|polysomnogra|functional capacity|\\bfce\\b|\\bvng\\b|audiogra|\\bekg\\b|\\becg\\b|echocardiogra|"
          + "stress test|\\bssep\\b|evoked potential|\\bqst\\b|sudomotor|\\btest(?:ing)?\\b|hepatic function|renal function|\\bpanel\\b"),
      rule(ServiceCategory.PHYSICAL_MEDICINE, "physical therapy|\\bpt\\b|physiotherap|occupational therapy|\\bot\\b|chiropract|"
          + "acupunct|massage|aqua(?:tic)? therapy|pool therapy|manipulation|myofascial release|shockwave|\\beswt\\b|"
          + "\\btherapy sessions?\\b|therapeutic exercise|home exercise program|physical medicine|rehab(?:ilitation)? (?:therapy|sessions?)"),
      rule(ServiceCategory.DME, "\\btens\\b|interferential|\\bif unit|h-wave|brace|orthotic|orthosis|splint|\\bcane\\b|walker|"
          + "wheelchair|scooter|cold therapy|cryotherapy|\\bice unit|hot/cold|heat(?:ing)? pad|lumbar support|back support|"
          + "cervical pillow|mattress|\\bbed\\b|traction|bone (?:growth )?stimulator|shower chair|commode|grab bar|\\bdme\\b|"
          + "durable medical|compression (?:stockings?|garment|sleeve)|crutch|\\bcpm\\b|continuous passive motion|vasopneumatic|"
          + "pneumatic compression|\\blso\\b|\\btlso\\b|collar|insoles|\\bshoes?\\b|exercise kit|electrodes|batter(?:y|ies)|"
          + "muscle stimulator|\\bnmes\\b|\\bems unit|ultrasound unit|hot packs?|cold packs?|\\bunit\\b|supplies|\\bpurchase\\b|\\brental\\b"),
      rule(ServiceCategory.SURGERY, "surgery|surgical|arthroscop|fusion|disc?ectomy|diskectomy|laminectomy|laminotomy|"
          + "foraminotomy|decompression|arthroplasty|replacement|repair|(?:tunnel|finger|tendon|nerve|fascia|quervain)\\S*\\s+release|"
          + "reconstruction|meniscectomy|debridement|osteotomy|hardware removal|removal of hardware|spinal cord stimulator|"
          + "\\bscs\\b|intrathecal|excision|\\borif\\b|tenotomy|manipulation under anesthesia|synovectomy|acromioplasty|"
          + "chondroplasty|kyphoplasty|vertebroplasty|implant|assistant surgeon|\\bsurgeon\\b|inpatient|hospital stay|length of stay|"
          + "-plasty|\\bplasty\\b|\\bectomy\\b|\\botomy\\b"));

  private static final Pattern DOSAGE = Pattern.compile(
      "\\d+(?:\\.\\d+)?\\s*(?:mg|mcg|gm|g|ml|%|units?|iu)\\b|\\b(?:tablets?|tabs?|capsules?|caps|cream|ointment|gel|lotion|"
          + "patch(?:es)?|medications?|prescription|refills?|compound(?:ed)?|topical|transdermal|oral|suppositor(?:y|ies)|drops|spray)\\b");
  private static final Pattern EVALUATION = Pattern.compile(
      "consult|evaluation|office visit|follow[- ]?up|referral|\\bvisits?\\b|second opinion|re-?evaluat|assessment|"
          + "\\bexam(?:ination)?\\b|appointment|specialist|\\bmanagement\\b|clearance");

  private ServiceCategorizer() {}

  private static Map.Entry<ServiceCategory, Pattern> rule(ServiceCategory c, String regex) {
    return Map.entry(c, Pattern.compile(regex));
  }

  static ServiceCategory categorize(String item, DrugLexicon lexicon) {
    // the patterns are lowercase: matching lowercased text is cheaper than case-insensitive matching
    String lower = item.toLowerCase(Locale.ROOT);
    boolean drugNamed = !lexicon.findAll(item).isEmpty();
    for (Map.Entry<ServiceCategory, Pattern> r : RULES) {
      // a named drug outranks device and surgery words ("Norco ER" is no surgery, "Lidoderm patch" no DME)
      if (drugNamed && (r.getKey() == ServiceCategory.DME || r.getKey() == ServiceCategory.SURGERY)) {
        continue;
      }
      if (r.getValue().matcher(lower).find()) {
        return r.getKey();
      }
    }
    if (drugNamed || DOSAGE.matcher(lower).find()) {
      return ServiceCategory.PHARMACEUTICAL;
    }
    if (EVALUATION.matcher(lower).find()) {
      return ServiceCategory.EVALUATION_MANAGEMENT;
    }
    return ServiceCategory.OTHER;
  }
}
