package dev.palimpsest.render;

import freemarker.ext.beans.BeanModel;
import freemarker.ext.util.WrapperTemplateModel;
import freemarker.template.AdapterTemplateModel;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.MethodCallAwareTemplateHashModel;
import freemarker.template.TemplateBooleanModel;
import freemarker.template.TemplateCollectionModel;
import freemarker.template.TemplateHashModelEx;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;
import freemarker.template.TemplateModelWithAPISupport;
import freemarker.template.TemplateScalarModel;
import freemarker.template.Version;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.util.HashMap;
import java.util.Map;

/**
 * FreeMarker's default object wrapper, with a fast way to read the page models' records.
 *
 * <p>The default wrapper shows a record to templates through a reflective bean model: every
 * {@code row.kind} looks the name up, checks access and calls {@link Method#invoke}, and the
 * wrapper first tests the record against a chain of interfaces. Those were a sixth of a full
 * build's time. Here each value is read through its accessor, found once per record class and
 * called by plain reflection: a method handle or a lambda for each made the JVM generate and
 * compile a class for it at start-up, which cost more than the calls.
 *
 * <p>A template sees the same thing as with the default wrapper: the same names give the same
 * values, and anything else (a method call, {@code ?api}, the record's keys) is answered by the
 * default wrapper's own model of the record.
 */
final class RecordWrapper extends DefaultObjectWrapper {
  private static final ClassValue<Map<String, Method>> ACCESSORS = new ClassValue<>() {
    @Override
    protected Map<String, Method> computeValue(Class<?> type) {
      return accessorsOf(type);
    }
  };

  RecordWrapper(Version incompatibleImprovements) {
    super(incompatibleImprovements);
  }

  @Override
  public TemplateModel wrap(Object object) throws TemplateModelException {
    // Tests against classes, not interfaces: cheap, and they come before the default chain.
    if (object instanceof Record record) {
      return new RecordModel(record, ACCESSORS.get(record.getClass()), this);
    }
    if (object instanceof Boolean value) {
      return value ? TemplateBooleanModel.TRUE : TemplateBooleanModel.FALSE;
    }
    return super.wrap(object);
  }

  /**
   * The names a template reads a record's values by, as the default wrapper exposes them: its
   * public methods without parameters that return a value (its components, and tests such as
   * {@code removed()}), apart from {@code toString} and {@code hashCode} and apart from
   * JavaBeans getters, which the default wrapper shows under other names.
   */
  private static Map<String, Method> accessorsOf(Class<?> type) {
    if (!Modifier.isPublic(type.getModifiers())) {
      return Map.of();
    }
    Map<String, Method> found = new HashMap<>();
    for (Method method : type.getDeclaredMethods()) {
      String name = method.getName();
      if (!Modifier.isPublic(method.getModifiers()) || Modifier.isStatic(method.getModifiers())
          || method.getParameterCount() > 0 || method.getReturnType() == void.class
          || method.isSynthetic() || method.isBridge()
          || name.equals("toString") || name.equals("hashCode")) {
        continue;
      }
      if (isBeanGetter(name)) {
        // The bean property may shadow a component of the same name: leave all to the default.
        return Map.of();
      }
      found.put(name, method);
    }
    return found;
  }

  private static boolean isBeanGetter(String name) {
    return name.length() > 3 && name.startsWith("get") && Character.isUpperCase(name.charAt(3))
        || name.length() > 2 && name.startsWith("is") && Character.isUpperCase(name.charAt(2));
  }

  /** A record as a template sees it. */
  private static final class RecordModel implements TemplateHashModelEx, TemplateScalarModel,
      AdapterTemplateModel, WrapperTemplateModel, MethodCallAwareTemplateHashModel,
      TemplateModelWithAPISupport {
    private final Record record;
    private final Map<String, Method> accessors;
    private final RecordWrapper wrapper;
    private BeanModel beanModel;

    RecordModel(Record record, Map<String, Method> accessors, RecordWrapper wrapper) {
      this.record = record;
      this.accessors = accessors;
      this.wrapper = wrapper;
    }

    @Override
    public TemplateModel get(String key) throws TemplateModelException {
      Method accessor = accessors.get(key);
      if (accessor == null) {
        return beanModel().get(key);
      }
      Object value;
      try {
        value = accessor.invoke(record);
      } catch (InvocationTargetException e) {
        if (e.getCause() instanceof RuntimeException failure) {
          throw failure;
        }
        if (e.getCause() instanceof Error failure) {
          throw failure;
        }
        throw new TemplateModelException("reading " + key + " of " + record.getClass(), e);
      } catch (IllegalAccessException e) {
        throw new TemplateModelException("reading " + key + " of " + record.getClass(), e);
      }
      return wrapper.wrap(value);
    }

    @Override
    public TemplateModel getBeforeMethodCall(String key)
        throws TemplateModelException, ShouldNotBeGetAsMethodException {
      return ((MethodCallAwareTemplateHashModel) beanModel()).getBeforeMethodCall(key);
    }

    private BeanModel beanModel() throws TemplateModelException {
      if (beanModel == null) {
        // The default wrapper's own model: the answer to anything but a plain value.
        beanModel = (BeanModel) wrapper.handleUnknownType(record);
      }
      return beanModel;
    }

    @Override
    public boolean isEmpty() {
      return false;
    }

    @Override
    public int size() throws TemplateModelException {
      return beanModel().size();
    }

    @Override
    public TemplateCollectionModel keys() throws TemplateModelException {
      return beanModel().keys();
    }

    @Override
    public TemplateCollectionModel values() throws TemplateModelException {
      return beanModel().values();
    }

    @Override
    public String getAsString() {
      return record.toString();
    }

    @Override
    public Object getAdaptedObject(Class<?> hint) {
      return record;
    }

    @Override
    public Object getWrappedObject() {
      return record;
    }

    @Override
    public TemplateModel getAPI() throws TemplateModelException {
      return beanModel().getAPI();
    }
  }
}
